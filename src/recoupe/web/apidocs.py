"""/docs: the API described from the OpenAPI document, with no outside assets.

FastAPI's Swagger UI loads its scripts from a CDN, out of reach offline and forbidden
by our Content-Security-Policy; this page renders the same document on the server.
"""

from __future__ import annotations

from dataclasses import dataclass, field

METHODS = ("get", "post", "put", "patch", "delete")


@dataclass
class Parameter:
    name: str
    where: str
    required: bool
    type: str
    description: str


@dataclass
class Operation:
    method: str
    path: str
    summary: str
    description: str
    parameters: list[Parameter] = field(default_factory=list)
    body: str | None = None
    responses: list[tuple[str, str, str | None]] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return self.method.lower() + self.path.replace("/", "-").replace("{", "").replace("}", "")


@dataclass
class Property:
    name: str
    type: str
    required: bool
    description: str


@dataclass
class SchemaDoc:
    name: str
    description: str
    properties: list[Property]


def type_of(schema: dict) -> str:
    """A short human reading of a JSON Schema type."""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " | ".join(type_of(option) for option in schema["anyOf"])
    if "enum" in schema:
        return " | ".join(repr(value) for value in schema["enum"])
    if "const" in schema:
        return repr(schema["const"])
    kind = schema.get("type", "any")
    if kind == "array":
        return f"list[{type_of(schema.get('items', {}))}]"
    if kind == "object" and "additionalProperties" in schema:
        extra = schema["additionalProperties"]
        return f"dict[str, {type_of(extra) if isinstance(extra, dict) else 'any'}]"
    return {"integer": "int", "string": "str", "number": "float", "boolean": "bool",
            "null": "null"}.get(kind, kind)


def operations(document: dict) -> list[Operation]:
    found = []
    for path, item in document.get("paths", {}).items():
        for method in METHODS:
            if method not in item:
                continue
            spec = item[method]
            operation = Operation(method=method.upper(), path=path,
                                  summary=spec.get("summary", ""),
                                  description=spec.get("description", ""))
            for parameter in spec.get("parameters", []):
                operation.parameters.append(Parameter(
                    name=parameter["name"], where=parameter.get("in", ""),
                    required=parameter.get("required", False),
                    type=type_of(parameter.get("schema", {})),
                    description=parameter.get("description", "")))
            content = spec.get("requestBody", {}).get("content", {})
            for media_type, media in content.items():
                operation.body = f"{media_type}: {type_of(media.get('schema', {}))}"
            for status, response in spec.get("responses", {}).items():
                schema = response.get("content", {}).get("application/json", {}).get("schema")
                operation.responses.append(
                    (status, response.get("description", ""), type_of(schema) if schema else None))
            found.append(operation)
    return found


def schemas(document: dict) -> list[SchemaDoc]:
    found = []
    for name, schema in sorted(document.get("components", {}).get("schemas", {}).items()):
        required = set(schema.get("required", []))
        found.append(SchemaDoc(
            name=name, description=schema.get("description", ""),
            properties=[Property(key, type_of(value), key in required,
                                 value.get("description", ""))
                        for key, value in schema.get("properties", {}).items()]))
    return found
