namespace ServiceModelLite;

/// <summary>A SOAP 1.1 envelope as the generated clients build it.</summary>
public sealed record SoapEnvelope(string Action, XElement Body)
{
    public override string ToString() =>
        new XElement(XName.Get("Envelope", "http://schemas.xmlsoap.org/soap/envelope/"),
            new XElement(XName.Get("Body", "http://schemas.xmlsoap.org/soap/envelope/"), Body)).ToString();
}

/// <summary>A SOAP fault received from a service, as WCF surfaces it.</summary>
public class FaultException(string reason, string code) : Exception(reason)
{
    public string Code { get; } = code;

    public string Reason => Message;

    public string? Action { get; init; }
}

/// <summary>A typed fault with a detail element deserialised into <typeparamref name="TDetail"/>.</summary>
public sealed class FaultException<TDetail>(TDetail detail, string reason, string code) : FaultException(reason, code)
{
    public TDetail Detail { get; } = detail;
}

public sealed class CommunicationException(string message) : Exception(message);

/// <summary>A client channel of a WCF-style generated proxy.</summary>
public interface ISoapChannel
{
    Uri Endpoint { get; }

    Task<XElement> InvokeAsync(SoapEnvelope envelope, CancellationToken cancellationToken);
}
