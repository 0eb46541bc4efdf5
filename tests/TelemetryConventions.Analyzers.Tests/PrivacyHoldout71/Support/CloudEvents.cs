using System.Net.Http;
using System.Text.Json.Nodes;

// Stand-ins for the CloudNative.CloudEvents SDK (CloudEvent, attributes, the JSON formatter and the
// HTTP bindings), reduced to the members the services use. As in the SDK, CloudEvent does not
// override ToString(): logged as a value it prints its type name, "CloudNative.CloudEvents.CloudEvent".
// The formatter's output (structured mode) is the whole envelope with its data; in binary mode the
// attributes travel as ce-* headers and the data is the body.

namespace CloudNative.CloudEvents
{
    public enum ContentMode
    {
        Structured,
        Binary,
    }

    public sealed class CloudEventAttribute
    {
        private CloudEventAttribute(string name) => Name = name;

        public string Name { get; }

        public static CloudEventAttribute CreateExtension(string name) => new(name);

        public override string ToString() => Name;
    }

    public sealed class CloudEvent
    {
        private readonly Dictionary<string, object> _extensions = new(StringComparer.Ordinal);

        public string? Id { get; set; }

        public Uri? Source { get; set; }

        public string? Type { get; set; }

        public string? Subject { get; set; }

        public DateTimeOffset? Time { get; set; }

        public string? DataContentType { get; set; }

        public Uri? DataSchema { get; set; }

        public object? Data { get; set; }

        /// <summary>An extension attribute by name (<c>partitionkey</c>, <c>traceparent</c>, …); null when absent.</summary>
        public object? this[string name]
        {
            get => _extensions.TryGetValue(name, out var value) ? value : null;
            set
            {
                if (value is null)
                {
                    _extensions.Remove(name);
                }
                else
                {
                    _extensions[name] = value;
                }
            }
        }

        /// <summary>The extension attributes that have a value, as attribute and value.</summary>
        public IEnumerable<KeyValuePair<CloudEventAttribute, object>> GetPopulatedAttributes() =>
            _extensions.Select(e => new KeyValuePair<CloudEventAttribute, object>(CloudEventAttribute.CreateExtension(e.Key), e.Value));

        public bool IsValid => Id is not null && Source is not null && Type is not null;
    }

    public abstract class CloudEventFormatter
    {
        public abstract ReadOnlyMemory<byte> EncodeStructuredModeMessage(CloudEvent cloudEvent, out string contentType);

        public abstract ReadOnlyMemory<byte> EncodeBinaryModeEventData(CloudEvent cloudEvent);

        public abstract CloudEvent DecodeStructuredModeMessage(ReadOnlyMemory<byte> body, string? contentType);
    }

    public sealed class JsonEventFormatter : CloudEventFormatter
    {
        public override ReadOnlyMemory<byte> EncodeStructuredModeMessage(CloudEvent cloudEvent, out string contentType)
        {
            contentType = "application/cloudevents+json";
            var envelope = new JsonObject
            {
                ["specversion"] = "1.0",
                ["id"] = cloudEvent.Id,
                ["source"] = cloudEvent.Source?.ToString(),
                ["type"] = cloudEvent.Type,
                ["subject"] = cloudEvent.Subject,
                ["data"] = JsonSerializer.SerializeToNode(cloudEvent.Data),
            };
            foreach (var (attribute, value) in cloudEvent.GetPopulatedAttributes())
            {
                envelope[attribute.Name] = value.ToString();
            }
            return Encoding.UTF8.GetBytes(envelope.ToJsonString());
        }

        public override ReadOnlyMemory<byte> EncodeBinaryModeEventData(CloudEvent cloudEvent) =>
            JsonSerializer.SerializeToUtf8Bytes(cloudEvent.Data);

        public override CloudEvent DecodeStructuredModeMessage(ReadOnlyMemory<byte> body, string? contentType)
        {
            var node = JsonNode.Parse(body.Span) ?? throw new ArgumentException("Empty CloudEvent body.");
            return new CloudEvent
            {
                Id = (string?)node["id"],
                Source = node["source"] is { } s ? new Uri((string)s!, UriKind.RelativeOrAbsolute) : null,
                Type = (string?)node["type"],
                Subject = (string?)node["subject"],
                Data = node["data"]?.DeepClone(),
            };
        }
    }

    /// <summary>The SDK's HTTP bindings.</summary>
    public static class HttpClientExtensions
    {
        public static HttpContent ToHttpContent(this CloudEvent cloudEvent, ContentMode mode, CloudEventFormatter formatter)
        {
            if (mode == ContentMode.Structured)
            {
                var body = formatter.EncodeStructuredModeMessage(cloudEvent, out var contentType);
                var content = new ByteArrayContent(body.ToArray());
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                return content;
            }
            var binary = new ByteArrayContent(formatter.EncodeBinaryModeEventData(cloudEvent).ToArray());
            binary.Headers.TryAddWithoutValidation("ce-id", cloudEvent.Id);
            binary.Headers.TryAddWithoutValidation("ce-type", cloudEvent.Type);
            binary.Headers.TryAddWithoutValidation("ce-source", cloudEvent.Source?.ToString());
            binary.Headers.TryAddWithoutValidation("ce-subject", cloudEvent.Subject);
            return binary;
        }
    }
}
