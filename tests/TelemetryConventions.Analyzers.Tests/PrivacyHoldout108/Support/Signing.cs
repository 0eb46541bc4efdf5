namespace SignKit.Model;

// An e-signature client in the shape of the DocuSign eSignature REST API's C# models, reduced:
// envelopes with documents, recipients and tabs, recipient views (signing sessions), notifications
// (reminders and expiry), form data and the envelope's audit events. The models are classes without
// ToString, as the SDK's are (its ToString is not overridden to print members).

public sealed class Document
{
    public string? DocumentId { get; set; }

    public string? Name { get; set; }

    public string? FileExtension { get; set; }

    public string? DocumentBase64 { get; set; }
}

public sealed class Text
{
    public string? TabLabel { get; set; }

    public string? Value { get; set; }

    public string? Locked { get; set; }
}

public sealed class SignHere
{
    public string? AnchorString { get; set; }

    public string? DocumentId { get; set; }
}

public sealed class Tabs
{
    public List<Text>? TextTabs { get; set; }

    public List<SignHere>? SignHereTabs { get; set; }
}

public sealed class Signer
{
    public string? Email { get; set; }

    public string? Name { get; set; }

    public string? RecipientId { get; set; }

    public string? RoutingOrder { get; set; }

    /// <summary>Set for embedded signing: the sender's own id of the signer.</summary>
    public string? ClientUserId { get; set; }

    public string? RoleName { get; set; }

    public string? Status { get; set; }

    public string? DeclinedReason { get; set; }

    public Tabs? Tabs { get; set; }
}

public sealed class CarbonCopy
{
    public string? Email { get; set; }

    public string? Name { get; set; }

    public string? RecipientId { get; set; }

    public string? RoutingOrder { get; set; }
}

public sealed class Recipients
{
    public List<Signer>? Signers { get; set; }

    public List<CarbonCopy>? CarbonCopies { get; set; }

    public string? RecipientCount { get; set; }
}

public sealed class TextCustomField
{
    public string? Name { get; set; }

    public string? Value { get; set; }

    public string? Show { get; set; }
}

public sealed class CustomFields
{
    public List<TextCustomField>? TextCustomFields { get; set; }
}

public sealed class Reminders
{
    public string? ReminderEnabled { get; set; }

    public string? ReminderDelay { get; set; }

    public string? ReminderFrequency { get; set; }
}

public sealed class Expirations
{
    public string? ExpireEnabled { get; set; }

    public string? ExpireAfter { get; set; }

    public string? ExpireWarn { get; set; }
}

public sealed class Notification
{
    public Reminders? Reminders { get; set; }

    public Expirations? Expirations { get; set; }

    public string? UseAccountDefaults { get; set; }
}

public sealed class TemplateRole
{
    public string? Email { get; set; }

    public string? Name { get; set; }

    public string? RoleName { get; set; }

    public string? ClientUserId { get; set; }

    public Tabs? Tabs { get; set; }
}

public sealed class EnvelopeDefinition
{
    public string? EmailSubject { get; set; }

    public string? EmailBlurb { get; set; }

    public string? TemplateId { get; set; }

    public List<TemplateRole>? TemplateRoles { get; set; }

    public List<Document>? Documents { get; set; }

    public Recipients? Recipients { get; set; }

    public CustomFields? CustomFields { get; set; }

    public Notification? Notification { get; set; }

    public string? Status { get; set; }
}

public sealed class EnvelopeSummary
{
    public string? EnvelopeId { get; set; }

    public string? Status { get; set; }

    public string? StatusDateTime { get; set; }

    public string? Uri { get; set; }
}

public sealed class Envelope
{
    public string? EnvelopeId { get; set; }

    public string? Status { get; set; }

    public string? EmailSubject { get; set; }

    public string? SentDateTime { get; set; }

    public string? CompletedDateTime { get; set; }

    public string? VoidedReason { get; set; }

    public string? ExpireDateTime { get; set; }

    public Recipients? Recipients { get; set; }

    public CustomFields? CustomFields { get; set; }
}

/// <summary>A request for an embedded signing session for one recipient.</summary>
public sealed class RecipientViewRequest
{
    public string? ReturnUrl { get; set; }

    public string? AuthenticationMethod { get; set; }

    public string? Email { get; set; }

    public string? UserName { get; set; }

    public string? ClientUserId { get; set; }

    public string? FrameAncestors { get; set; }
}

/// <summary>The signing session's URL: a short-lived link that signs the recipient in without a password.</summary>
public sealed class ViewUrl
{
    public string? Url { get; set; }
}

public sealed class NameValue
{
    public string? Name { get; set; }

    public string? Value { get; set; }

    public string? OriginalValue { get; set; }
}

public sealed class RecipientFormData
{
    public string? RecipientId { get; set; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? SignedTime { get; set; }

    public List<NameValue>? FormData { get; set; }
}

public sealed class EnvelopeFormData
{
    public string? EnvelopeId { get; set; }

    public string? Status { get; set; }

    public string? SentDateTime { get; set; }

    public List<NameValue>? FormData { get; set; }

    public List<RecipientFormData>? RecipientFormData { get; set; }
}

/// <summary>One entry of the envelope's audit trail (the certificate's history): a list of name/value fields.</summary>
public sealed class EnvelopeAuditEvent
{
    public List<NameValue>? EventFields { get; set; }
}

public sealed class EnvelopeAuditEventResponse
{
    public List<EnvelopeAuditEvent>? AuditEvents { get; set; }
}

public sealed class EnvelopeUpdateSummary
{
    public string? EnvelopeId { get; set; }

    public List<string>? RecipientUpdateResults { get; set; }
}
