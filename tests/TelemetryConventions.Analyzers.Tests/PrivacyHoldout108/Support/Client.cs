namespace SignKit.Client;

/// <summary>What the provider's REST API answers with when it refuses a call: an error code and its message.</summary>
public sealed class ApiException : Exception
{
    public ApiException(int errorCode, string message, string? errorContent = null)
        : base(message)
    {
        ErrorCode = errorCode;
        ErrorContent = errorContent;
    }

    public int ErrorCode { get; }

    /// <summary>The response body: <c>{"errorCode":"…","message":"…"}</c>.</summary>
    public string? ErrorContent { get; }
}

public sealed class EnvelopesApi
{
    public Task<SignKit.Model.EnvelopeSummary> CreateEnvelopeAsync(string accountId, SignKit.Model.EnvelopeDefinition envelope, CancellationToken cancellationToken = default) =>
        Task.FromResult(new SignKit.Model.EnvelopeSummary { EnvelopeId = Guid.NewGuid().ToString(), Status = envelope.Status });

    public Task<SignKit.Model.ViewUrl> CreateRecipientViewAsync(string accountId, string envelopeId, SignKit.Model.RecipientViewRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(new SignKit.Model.ViewUrl { Url = "https://demo.example-sign.net/Signing/MTRedeem/v1/" + Guid.NewGuid().ToString("N") });

    public Task<SignKit.Model.Envelope> GetEnvelopeAsync(string accountId, string envelopeId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new SignKit.Model.Envelope { EnvelopeId = envelopeId });

    public Task<SignKit.Model.Recipients> ListRecipientsAsync(string accountId, string envelopeId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new SignKit.Model.Recipients());

    public Task<SignKit.Model.EnvelopeFormData> GetFormDataAsync(string accountId, string envelopeId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new SignKit.Model.EnvelopeFormData { EnvelopeId = envelopeId });

    public Task<SignKit.Model.EnvelopeAuditEventResponse> ListAuditEventsAsync(string accountId, string envelopeId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new SignKit.Model.EnvelopeAuditEventResponse());

    /// <summary>The combined PDF of the signed documents; <c>documentId = "certificate"</c> returns the certificate of completion.</summary>
    public Task<byte[]> GetDocumentAsync(string accountId, string envelopeId, string documentId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Array.Empty<byte>());

    /// <summary>Updates an envelope: <c>resendEnvelope</c> sends it again (a reminder), a status of <c>voided</c> voids it.</summary>
    public Task<SignKit.Model.EnvelopeUpdateSummary> UpdateAsync(string accountId, string envelopeId, SignKit.Model.Envelope? envelope = null, bool resendEnvelope = false, CancellationToken cancellationToken = default) =>
        Task.FromResult(new SignKit.Model.EnvelopeUpdateSummary { EnvelopeId = envelopeId });
}
