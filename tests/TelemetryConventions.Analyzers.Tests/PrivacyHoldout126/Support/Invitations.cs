namespace ReviewKit.Invitations;

// Review invitations in the shape of Trustpilot's Invitation API: the consumer's email and name, the
// reference of the order or job, the template and a link back to the site.

/// <summary>An invitation request. Prints its members.</summary>
public sealed record InvitationRequest(string ReferenceNumber, string ConsumerEmail, string ConsumerName, string TemplateId, string Locale)
{
    public string? RedirectUri { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = Array.Empty<string>();

    public DateTimeOffset? PreferredSendTime { get; init; }
}

public sealed record InvitationResponse(string InvitationId, string Status);

public interface IInvitationClient
{
    Task<InvitationResponse> SendAsync(InvitationRequest request, CancellationToken cancellationToken = default);
}

/// <summary>The invitation API's refusal: quotes the consumer's email as the API's validation messages do.</summary>
public sealed class InvitationRejectedException(string email, string reason) : Exception($"Invitation to {email} rejected: {reason}")
{
    public string Reason { get; } = reason;
}
