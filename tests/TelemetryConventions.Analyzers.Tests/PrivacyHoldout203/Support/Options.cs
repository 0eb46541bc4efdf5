namespace PrivacyHoldout203.Support;

/// <summary>Options the electoral services read from configuration.</summary>
public sealed class ElectoralOptions
{
    public string ElectionId { get; init; } = "local.2026-05-07";

    public string AuthorityCode { get; init; } = "E07000178";

    public int MaxProxiesPerProxy { get; init; } = 4;

    public TimeSpan StatementCheckTimeout { get; init; } = TimeSpan.FromSeconds(20);
}
