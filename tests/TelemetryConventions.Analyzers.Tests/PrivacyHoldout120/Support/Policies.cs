namespace Insurance.Policies;

// A policy administration system's document service: schedules, certificates and wordings.

public sealed record PolicyDocumentRequest(string PolicyNumber, string TemplateId, string Kind, string HolderName, string HolderEmail);

/// <summary>A rendered document. The service names its file <c>{PolicyNumber}-{Kind}.pdf</c> and stores it at <c>documents/{PolicyNumber}/{DocumentId}.pdf</c>.</summary>
public sealed record PolicyDocument(string DocumentId, string PolicyNumber, string Kind, string FileName, Uri BlobUri, int Pages);

public sealed record Endorsement(string Code, string Wording, DateOnly EffectiveFrom);

public interface IPolicyDocumentService
{
    Task<PolicyDocument> RenderAsync(PolicyDocumentRequest request, CancellationToken cancellationToken = default);

    Task SendAsync(PolicyDocument document, string recipientEmail, CancellationToken cancellationToken = default);
}

public sealed class TemplateNotFoundException(string templateId) : Exception($"Document template '{templateId}' was not found")
{
    public string TemplateId { get; } = templateId;
}

/// <summary>The mail relay refused the document; the message quotes the recipient.</summary>
public sealed class DocumentDeliveryException(string recipient, string reason) : Exception($"Delivery to {recipient} failed: {reason}")
{
    public string Reason { get; } = reason;
}
