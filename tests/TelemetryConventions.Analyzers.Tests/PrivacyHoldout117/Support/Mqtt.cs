namespace MqttKit;

// An MQTTnet-style client, reduced: application messages with topic, payload, QoS, retain flag and
// MQTT 5 user properties, the received-message event args and the client's exceptions.

public enum MqttQualityOfServiceLevel
{
    AtMostOnce = 0,
    AtLeastOnce = 1,
    ExactlyOnce = 2,
}

public sealed class MqttUserProperty(string name, string value)
{
    public string Name { get; } = name;

    public string Value { get; } = value;
}

/// <summary>A message as MQTTnet models it: a class without <c>ToString</c>.</summary>
public sealed class MqttApplicationMessage
{
    public string Topic { get; set; } = string.Empty;

    public ArraySegment<byte> PayloadSegment { get; set; }

    public MqttQualityOfServiceLevel QualityOfServiceLevel { get; set; }

    public bool Retain { get; set; }

    public string? ContentType { get; set; }

    public string? ResponseTopic { get; set; }

    public byte[]? CorrelationData { get; set; }

    public List<MqttUserProperty> UserProperties { get; set; } = new();

    public string ConvertPayloadToString() => Encoding.UTF8.GetString(PayloadSegment);
}

public sealed class MqttApplicationMessageBuilder
{
    private readonly MqttApplicationMessage _message = new();

    public MqttApplicationMessageBuilder WithTopic(string topic)
    {
        _message.Topic = topic;
        return this;
    }

    public MqttApplicationMessageBuilder WithPayload(string payload)
    {
        _message.PayloadSegment = new ArraySegment<byte>(Encoding.UTF8.GetBytes(payload));
        return this;
    }

    public MqttApplicationMessageBuilder WithQualityOfServiceLevel(MqttQualityOfServiceLevel level)
    {
        _message.QualityOfServiceLevel = level;
        return this;
    }

    public MqttApplicationMessageBuilder WithRetainFlag(bool retain = true)
    {
        _message.Retain = retain;
        return this;
    }

    public MqttApplicationMessageBuilder WithUserProperty(string name, string value)
    {
        _message.UserProperties.Add(new MqttUserProperty(name, value));
        return this;
    }

    public MqttApplicationMessage Build() => _message;
}

public sealed class MqttApplicationMessageReceivedEventArgs(string clientId, MqttApplicationMessage message)
{
    /// <summary>The id of the client that received the message (this service's own connection).</summary>
    public string ClientId { get; } = clientId;

    public MqttApplicationMessage ApplicationMessage { get; } = message;

    public bool ProcessingFailed { get; set; }

    public int ReasonCode { get; set; }
}

public enum MqttClientDisconnectReason
{
    NormalDisconnection = 0,
    UnspecifiedError = 128,
    NotAuthorized = 135,
    ServerBusy = 137,
    KeepAliveTimeout = 141,
    SessionTakenOver = 142,
}

public sealed class MqttClientDisconnectedEventArgs(MqttClientDisconnectReason reason, string? reasonString, Exception? exception)
{
    public MqttClientDisconnectReason Reason { get; } = reason;

    public string? ReasonString { get; } = reasonString;

    public Exception? Exception { get; } = exception;

    public bool ClientWasConnected { get; init; } = true;
}

public sealed record MqttClientPublishResult(string? PacketIdentifier, int ReasonCode, string? ReasonString)
{
    public bool IsSuccess => ReasonCode < 128;
}

public interface IMqttClient
{
    string ClientId { get; }

    bool IsConnected { get; }

    Task<MqttClientPublishResult> PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken = default);

    Task SubscribeAsync(string topicFilter, MqttQualityOfServiceLevel level, CancellationToken cancellationToken = default);
}

/// <summary>The client lost or could not use its connection: the broker's message, naming the endpoint.</summary>
public class MqttCommunicationException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A publish the broker refused: quotes the topic it was refused on and the reason code.</summary>
public sealed class MqttPublishRefusedException(string topic, int reasonCode)
    : MqttCommunicationException($"Publish to '{topic}' refused with reason code {reasonCode}.")
{
    public string Topic { get; } = topic;

    public int ReasonCode { get; } = reasonCode;
}

/// <summary>Topic filters and templates, as teams keep them in one place.</summary>
public static class MqttTopicFilter
{
    public static bool IsMatch(string topic, string filter)
    {
        var t = topic.Split('/');
        var f = filter.Split('/');
        for (var i = 0; i < f.Length; i++)
        {
            if (f[i] == "#")
            {
                return true;
            }
            if (i >= t.Length || (f[i] != "+" && f[i] != t[i]))
            {
                return false;
            }
        }
        return t.Length == f.Length;
    }

    public static string Segment(string topic, int index) => topic.Split('/')[index];
}
