namespace PrivacyHoldout101.Support;

/// <summary>The identity settings every service binds from configuration.</summary>
public sealed class IdentityOptions
{
    public string Authority { get; init; } = "https://id.example.org";

    public string ClientId { get; init; } = "web";

    public TimeSpan EmailTokenLifetime { get; init; } = TimeSpan.FromHours(24);

    public TimeSpan CodeLifetime { get; init; } = TimeSpan.FromMinutes(5);

    public int MaxFailedAttempts { get; init; } = 5;

    public string VerifyEmailTemplateId { get; init; } = "tpl-verify-email";

    public string ResetPasswordTemplateId { get; init; } = "tpl-reset-password";
}
