namespace PrivacyHoldout86.Energy;

/// <summary>
/// Logs upstream errors of the readings proxy, which forwards <c>/api/accounts/{accountNumber}/usage</c>
/// to the billing system and keeps the upstream's error body (it quotes the account) for support.
/// </summary>
public sealed class ReadingsProxyErrors(ILogger<ReadingsProxyErrors> logger, Pseudonymizer pseudonymizer)
{
    private readonly ConcurrentDictionary<string, int> _failuresByAccount = new();

    public void OnUpstreamError(HttpContext context, int upstreamStatus, string upstreamBody)
    {
        var accountNumber = context.Request.RouteValues.GetValueOrDefault("accountNumber") as string ?? "unknown";
        _failuresByAccount.AddOrUpdate(accountNumber, 1, (_, n) => n + 1);

        logger.LogWarning("Billing answered {Status} for {Route}", upstreamStatus, PathNormalizer.Template(context)); // clean precision-about
        logger.LogWarning("Billing error body {Body}", upstreamBody); // leak TC1001 direct
        Activity.Current?.SetTag("upstream.account", pseudonymizer.ComputeGridaccessAccountId(accountNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("upstream.url", $"https://billing.internal{context.Request.Path}"); // leak TC1001 strings
    }

    public void Summarise()
    {
        logger.LogInformation("Accounts with billing failures: {Failures}", _failuresByAccount); // leak TC1001 cross-member
        logger.LogInformation("{Count} accounts with billing failures", _failuresByAccount.Count); // clean cross-member
    }
}
