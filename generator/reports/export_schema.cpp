// The JSON Schema of /export/memory.json. Written out by hand, so that a reader of the
// repository's deposit can see the shape in one place; tests/tools/check_export.py validates
// every export the tests make against it.
#include "reports/export.hpp"

namespace cp::reports {

const std::string& export_schema_text() {
    static const std::string schema = R"json({
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://commonplace.invalid/schema/memory-export-1.json",
  "title": "A Commonplace memory, exported",
  "description": "Every page of a community of practice's memory that the build's audience may see, with its fields, rendered text, history and links, and Dublin Core metadata for the whole.",
  "type": "object",
  "required": ["format", "audience", "base_url", "dublin_core", "pages"],
  "additionalProperties": false,
  "properties": {
    "$schema": {"type": "string"},
    "format": {"const": "commonplace-memory/1"},
    "audience": {"enum": ["community", "public"]},
    "base_url": {"type": "string"},
    "dublin_core": {
      "type": "object",
      "required": ["title", "creator", "date", "description", "language", "rights"],
      "additionalProperties": false,
      "properties": {
        "title": {"type": "string", "minLength": 1},
        "creator": {"type": "string", "minLength": 1},
        "date": {"type": "string"},
        "description": {"type": "string"},
        "language": {"type": "string", "minLength": 1},
        "rights": {"type": "string", "minLength": 1},
        "identifier": {"type": "string"},
        "publisher": {"type": "string"}
      }
    },
    "pages": {"type": "array", "items": {"$ref": "#/$defs/page"}}
  },
  "$defs": {
    "text": {"type": ["string", "null"]},
    "strings": {"type": "array", "items": {"type": "string"}},
    "date": {"type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}"},
    "ref": {
      "description": "A person, domain or page named in front matter: what to show, and its address when the export holds it.",
      "type": "object",
      "required": ["label", "url"],
      "additionalProperties": false,
      "properties": {"label": {"type": "string"}, "url": {"type": ["string", "null"], "pattern": "^/"}}
    },
    "refs": {"type": "array", "items": {"$ref": "#/$defs/ref"}},
    "page": {
      "type": "object",
      "required": ["url", "absolute_url", "type", "slug", "source_path", "title", "date", "summary", "tags", "domains",
                   "authors", "visibility", "fields", "params", "text", "history", "links"],
      "additionalProperties": false,
      "properties": {
        "url": {"type": "string", "pattern": "^/"},
        "absolute_url": {"type": "string"},
        "type": {"enum": ["domain", "meeting", "note", "person", "page"]},
        "slug": {"type": "string"},
        "source_path": {"type": "string"},
        "title": {"type": "string"},
        "date": {"$ref": "#/$defs/date"},
        "summary": {"type": "string"},
        "tags": {"$ref": "#/$defs/strings"},
        "domains": {"$ref": "#/$defs/refs"},
        "authors": {"$ref": "#/$defs/refs"},
        "visibility": {"enum": ["public", "community"]},
        "fields": {"type": "object"},
        "params": {"type": "object"},
        "text": {
          "type": "object",
          "required": ["html", "plain"],
          "additionalProperties": false,
          "properties": {"html": {"type": "string"}, "plain": {"type": "string"}}
        },
        "history": {
          "type": "object",
          "required": ["created", "updated", "contributors", "incomplete", "revisions"],
          "additionalProperties": false,
          "properties": {
            "created": {"$ref": "#/$defs/date"},
            "updated": {"$ref": "#/$defs/date"},
            "contributors": {"$ref": "#/$defs/refs"},
            "incomplete": {"type": "boolean"},
            "revisions": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["commit", "date", "contributor", "subject"],
                "additionalProperties": false,
                "properties": {
                  "commit": {"type": "string", "pattern": "^[0-9a-f]{40}$"},
                  "date": {"type": "string"},
                  "contributor": {"$ref": "#/$defs/ref"},
                  "subject": {"type": "string"}
                }
              }
            }
          }
        },
        "links": {
          "type": "object",
          "required": ["pages", "assets", "backlinks"],
          "additionalProperties": false,
          "properties": {
            "pages": {"type": "array", "items": {"type": "string", "pattern": "^/"}},
            "assets": {"type": "array", "items": {"type": "string", "pattern": "^/"}},
            "backlinks": {"type": "array", "items": {"type": "string", "pattern": "^/"}}
          }
        }
      },
      "allOf": [
        {"if": {"properties": {"type": {"const": "domain"}}},
         "then": {"properties": {"fields": {"$ref": "#/$defs/domain_fields"}}}},
        {"if": {"properties": {"type": {"const": "meeting"}}},
         "then": {"properties": {"fields": {"$ref": "#/$defs/meeting_fields"}}}},
        {"if": {"properties": {"type": {"const": "note"}}},
         "then": {"properties": {"fields": {"$ref": "#/$defs/note_fields"}}}},
        {"if": {"properties": {"type": {"const": "person"}}},
         "then": {"properties": {"fields": {"$ref": "#/$defs/person_fields"}}}},
        {"if": {"properties": {"type": {"const": "page"}}},
         "then": {"properties": {"fields": {"type": "object", "maxProperties": 0}}}}
      ]
    },
    "domain_fields": {
      "type": "object",
      "required": ["conveners", "phase", "phases", "started", "practices", "learning_agenda", "expected_results",
                   "audiences", "parent"],
      "additionalProperties": false,
      "properties": {
        "conveners": {"$ref": "#/$defs/refs"},
        "phase": {"enum": [null, "discovering", "coalescing", "maturing", "stewardship", "transformation"]},
        "phases": {"type": "array", "items": {"type": "object", "required": ["phase", "since"],
                   "properties": {"phase": {"type": "string"}, "since": {"type": "string"}}}},
        "started": {"$ref": "#/$defs/date"},
        "practices": {"$ref": "#/$defs/strings"},
        "learning_agenda": {"type": "array", "items": {"type": "object", "required": ["question", "status", "answered_in"],
          "properties": {"question": {"type": "string"}, "status": {"enum": ["open", "answered"]},
                         "answered_in": {"anyOf": [{"type": "null"}, {"$ref": "#/$defs/ref"}]}}}},
        "expected_results": {"$ref": "#/$defs/strings"},
        "audiences": {"$ref": "#/$defs/strings"},
        "parent": {"anyOf": [{"type": "null"}, {"$ref": "#/$defs/ref"}]}
      }
    },
    "meeting_fields": {
      "type": "object",
      "required": ["time", "end_time", "location", "format", "series", "attendees", "apologies", "roles", "agenda",
                   "decisions", "actions", "parking_lot", "feedback", "highlights"],
      "additionalProperties": false,
      "properties": {
        "time": {"type": ["string", "null"], "pattern": "^[0-9]{2}:[0-9]{2}$"},
        "end_time": {"type": ["string", "null"], "pattern": "^[0-9]{2}:[0-9]{2}$"},
        "location": {"$ref": "#/$defs/text"},
        "format": {"enum": [null, "in-person", "online", "call", "hybrid"]},
        "series": {"$ref": "#/$defs/text"},
        "attendees": {"$ref": "#/$defs/refs"},
        "apologies": {"$ref": "#/$defs/refs"},
        "roles": {"type": "object", "additionalProperties": {"$ref": "#/$defs/refs"}},
        "agenda": {"$ref": "#/$defs/strings"},
        "decisions": {"$ref": "#/$defs/strings"},
        "actions": {"type": "array", "items": {"type": "object", "required": ["action", "owner", "due", "done"],
          "additionalProperties": false,
          "properties": {"action": {"type": "string"}, "owner": {"anyOf": [{"type": "null"}, {"$ref": "#/$defs/ref"}]},
                         "due": {"$ref": "#/$defs/date"}, "done": {"type": "boolean"}}}},
        "parking_lot": {"$ref": "#/$defs/strings"},
        "feedback": {"type": "object", "required": ["went_well", "to_improve"], "additionalProperties": false,
          "properties": {"went_well": {"$ref": "#/$defs/strings"}, "to_improve": {"$ref": "#/$defs/strings"}}},
        "highlights": {"$ref": "#/$defs/strings"}
      }
    },
    "note_fields": {
      "type": "object",
      "required": ["kind", "related", "source", "value", "indicators"],
      "additionalProperties": false,
      "properties": {
        "kind": {"enum": ["story", "lesson", "practice", "question", "tip", "resource", "review", "value-story", "note"]},
        "related": {"$ref": "#/$defs/refs"},
        "source": {"$ref": "#/$defs/text"},
        "value": {"type": "array", "uniqueItems": true,
                  "items": {"enum": ["immediate", "potential", "applied", "realised", "transformative"]}},
        "indicators": {"$ref": "#/$defs/strings"}
      }
    },
    "person_fields": {
      "type": "object",
      "required": ["roles", "organisation", "profession", "expertise", "joined"],
      "additionalProperties": false,
      "properties": {
        "roles": {"$ref": "#/$defs/strings"},
        "organisation": {"$ref": "#/$defs/text"},
        "profession": {"$ref": "#/$defs/text"},
        "expertise": {"$ref": "#/$defs/strings"},
        "joined": {"$ref": "#/$defs/date"}
      }
    }
  }
}
)json";
    return schema;
}

}  // namespace cp::reports
