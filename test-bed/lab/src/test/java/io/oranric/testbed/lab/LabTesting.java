package io.oranric.testbed.lab;

import io.oranric.policies.validation.SafetyEnvelope;
import io.oranric.xapp.energy.EnergySavingLogic;
import io.oranric.xapp.kpm.KpmMonitorXApp;
import io.oranric.xapp.power.TxPowerLogic;
import io.oranric.xapp.runtime.XAppRuntime;
import io.oranric.xapp.slice.SliceSlaLogic;
import io.oranric.xapp.spectrum.SpectrumLogic;
import io.oranric.xapp.steering.TrafficSteeringLogic;
import java.time.Duration;
import java.util.List;

/** What the lab end-to-end tests share. */
final class LabTesting {
  private LabTesting() {}

  /**
   * xApps with short hold times (power steps every 2 s, spectrum every 5 s) so that each effect shows
   * within a minute; energy saving and steering as the test needs them.
   */
  static XAppRuntime.Settings quickXApps(EnergySavingLogic.Config energy, TrafficSteeringLogic.Config steering) {
    return new XAppRuntime.Settings(new KpmMonitorXApp.Config(Duration.ofSeconds(10), 128, "127.0.0.1", 0),
        SliceSlaLogic.Config.defaults(),
        new TxPowerLogic.Config(3, Duration.ofSeconds(2), 10, 1.0, Duration.ofSeconds(5), Duration.ofSeconds(60), SafetyEnvelope.labDefaults()),
        new SpectrumLogic.Config(Duration.ofSeconds(5), SafetyEnvelope.labDefaults()), energy, steering);
  }

  /**
   * The records of {@code list} from index {@code from} on, as they are now. The tests collect reports
   * in a CopyOnWriteArrayList that the Kafka consumer appends to; reading a subList of it while an append
   * lands throws ConcurrentModificationException, so readers take one snapshot and read that.
   */
  static <T> List<T> since(List<T> list, int from) {
    List<T> now = List.copyOf(list);
    return now.subList(Math.min(from, now.size()), now.size());
  }
}
