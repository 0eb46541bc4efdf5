using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout34.Support.ESign;

// Stand-ins shaped after an e-signature SDK (envelopes, recipients, tabs, recipient views, audit
// events) and its status webhook payload. Only the shapes matter.

public sealed class EnvelopeDefinition
{
    public string? EmailSubject { get; set; }

    public string? EmailBlurb { get; set; }

    /// <summary>"created" keeps a draft; "sent" sends at once.</summary>
    public string Status { get; set; } = "created";

    public string? TemplateId { get; set; }

    public List<Document> Documents { get; set; } = new();

    public Recipients Recipients { get; set; } = new();

    public List<TemplateRole> TemplateRoles { get; set; } = new();

    public CustomFields CustomFields { get; set; } = new();
}

public sealed class Document
{
    public string DocumentId { get; set; } = "1";

    public string Name { get; set; } = string.Empty;

    public string FileExtension { get; set; } = "pdf";

    public string? DocumentBase64 { get; set; }
}

public sealed class Recipients
{
    public List<Signer> Signers { get; set; } = new();

    public List<CarbonCopy> CarbonCopies { get; set; } = new();
}

public sealed class Signer
{
    public string? Email { get; set; }

    public string? Name { get; set; }

    /// <summary>The recipient's number inside its envelope ("1", "2" ...).</summary>
    public string RecipientId { get; set; } = "1";

    public string RoutingOrder { get; set; } = "1";

    /// <summary>Set for embedded signing: the sender's own id of the signer.</summary>
    public string? ClientUserId { get; set; }

    public string? RoleName { get; set; }

    public string? Status { get; set; }

    /// <summary>The text the signer typed when declining.</summary>
    public string? DeclinedReason { get; set; }

    public DateTimeOffset? SignedDateTime { get; set; }

    public Tabs Tabs { get; set; } = new();
}

public sealed class CarbonCopy
{
    public string? Email { get; set; }

    public string? Name { get; set; }

    public string RecipientId { get; set; } = "2";

    public string RoutingOrder { get; set; } = "2";
}

public sealed class TemplateRole
{
    public string? Email { get; set; }

    public string? Name { get; set; }

    public string RoleName { get; set; } = string.Empty;

    public string? ClientUserId { get; set; }

    public Tabs Tabs { get; set; } = new();

    public override string ToString() => $"{RoleName}: {Name} <{Email}>";
}

public sealed class Tabs
{
    public List<TextTab> TextTabs { get; set; } = new();

    public List<SignHereTab> SignHereTabs { get; set; } = new();
}

public sealed class TextTab
{
    public string TabLabel { get; set; } = string.Empty;

    public string? Value { get; set; }
}

public sealed class SignHereTab
{
    public string AnchorString { get; set; } = "/sn1/";

    public string DocumentId { get; set; } = "1";
}

public sealed class CustomFields
{
    public List<TextCustomField> TextCustomFields { get; set; } = new();
}

public sealed class TextCustomField
{
    public string Name { get; set; } = string.Empty;

    public string? Value { get; set; }

    public bool Show { get; set; }

    public override string ToString() => $"{Name}={Value}";
}

public sealed class EnvelopeSummary
{
    public string EnvelopeId { get; set; } = Guid.NewGuid().ToString();

    public string Status { get; set; } = "sent";

    public DateTimeOffset StatusDateTime { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>The envelope's path at the provider: <c>/envelopes/{envelopeId}</c>.</summary>
    public string Uri { get; set; } = string.Empty;
}

public sealed class RecipientViewRequest
{
    public string? ReturnUrl { get; set; }

    public string AuthenticationMethod { get; set; } = "none";

    public string? Email { get; set; }

    public string? UserName { get; set; }

    public string? ClientUserId { get; set; }
}

/// <summary>A signing ceremony's URL: it carries a one-time token that lets whoever opens it sign as the recipient.</summary>
public sealed class ViewUrl
{
    public string Url { get; set; } = string.Empty;
}

public sealed class Envelope
{
    public string? Status { get; set; }

    public string? VoidedReason { get; set; }
}

public sealed class EnvelopeUpdateSummary
{
    public string EnvelopeId { get; set; } = string.Empty;
}

public sealed class EnvelopeAuditEventResponse
{
    public List<EnvelopeAuditEvent> AuditEvents { get; set; } = new();
}

/// <summary>One line of an envelope's audit trail, as name/value pairs: logTime, Source, UserName, UserId, Action, Message, ClientIPAddress, EnvelopeStatus.</summary>
public sealed class EnvelopeAuditEvent
{
    public List<NameValue> EventFields { get; set; } = new();
}

public sealed class NameValue
{
    public string Name { get; set; } = string.Empty;

    public string? Value { get; set; }
}

public interface IEnvelopesApi
{
    Task<EnvelopeSummary> CreateEnvelopeAsync(string accountId, EnvelopeDefinition envelopeDefinition, CancellationToken cancellationToken = default);

    Task<ViewUrl> CreateRecipientViewAsync(string accountId, string envelopeId, RecipientViewRequest request, CancellationToken cancellationToken = default);

    Task<EnvelopeUpdateSummary> UpdateAsync(string accountId, string envelopeId, Envelope envelope, CancellationToken cancellationToken = default);

    Task<Stream> GetDocumentAsync(string accountId, string envelopeId, string documentId, CancellationToken cancellationToken = default);

    Task<EnvelopeAuditEventResponse> ListAuditEventsAsync(string accountId, string envelopeId, CancellationToken cancellationToken = default);

    Task<Recipients> ListRecipientsAsync(string accountId, string envelopeId, CancellationToken cancellationToken = default);
}

/// <summary>
/// The SDK's error. Its message is "Error calling {operation}: " followed by the provider's error body,
/// which gives an error code and the provider's fixed text for it, e.g.
/// <c>{"errorCode":"INVALID_EMAIL_ADDRESS_FOR_RECIPIENT","message":"The email address for the recipient is invalid. The recipient Id follows."}</c>;
/// the provider names recipients by their number inside the envelope, never by their address.
/// </summary>
public sealed class ApiException(int errorCode, string message, string? errorContent = null) : Exception(message)
{
    public int ErrorCode { get; } = errorCode;

    public string? ErrorContent { get; } = errorContent;
}

// The status webhook ("Connect") payload, JSON.

public sealed class ConnectEvent
{
    public string Event { get; set; } = string.Empty;

    public string ApiVersion { get; set; } = "v2.1";

    public string Uri { get; set; } = string.Empty;

    public int RetryCount { get; set; }

    public string ConfigurationId { get; set; } = string.Empty;

    public DateTimeOffset GeneratedDateTime { get; set; }

    public ConnectData Data { get; set; } = new();
}

public sealed class ConnectData
{
    public string AccountId { get; set; } = string.Empty;

    public string EnvelopeId { get; set; } = string.Empty;

    public ConnectEnvelopeSummary EnvelopeSummary { get; set; } = new();
}

public sealed class ConnectEnvelopeSummary
{
    public string Status { get; set; } = string.Empty;

    public string? EmailSubject { get; set; }

    public DateTimeOffset? SentDateTime { get; set; }

    public DateTimeOffset? CompletedDateTime { get; set; }

    public string? VoidedReason { get; set; }

    public ConnectUser Sender { get; set; } = new();

    public Recipients Recipients { get; set; } = new();

    public CustomFields CustomFields { get; set; } = new();
}

public sealed class ConnectUser
{
    public string? UserName { get; set; }

    public string? Email { get; set; }
}

/// <summary>Checks <c>X-DocuSign-Signature-1</c>: base64 of HMAC-SHA256 of the body with the Connect secret.</summary>
public static class ConnectHmac
{
    public static bool IsValid(byte[] connectSecret, string body, string? signature)
    {
        if (signature is null)
        {
            return false;
        }

        var computed = Convert.ToBase64String(HMACSHA256.HashData(connectSecret, Encoding.UTF8.GetBytes(body)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(signature));
    }
}
