package io.oranric.policies.a1;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every error the interface answers, as one model: {@code {status, title, detail, field, value,
 * bound}}. For a refused value the last three say which field, what it was and the bound it broke;
 * {@code extra} carries the details of the case (violations, losses, the version written).
 */
public record A1Error(int status, String title, String detail, String field, String value, String bound, ObjectNode extra) {

    public static A1Error of(int status, String title, String detail) {
        return new A1Error(status, title, detail, null, null, null, null);
    }

    public static A1Error badRequest(String detail, String field) {
        return new A1Error(400, "Bad request", detail, field, null, null, null);
    }

    public static A1Error notFound(String detail) {
        return of(404, "Not found", detail);
    }

    public A1Error with(ObjectNode details) {
        return new A1Error(status, title, detail, field, value, bound, details);
    }

    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("status", status).put("title", title).put("detail", detail);
        n.put("field", field).put("value", value).put("bound", bound);
        if (extra != null) {
            extra.fields().forEachRemaining(e -> n.set(e.getKey(), e.getValue()));
        }
        return n;
    }
}
