using System.Net.Http.Json;
using System.Text.Json;

namespace PrivacyHoldout72.Energy;

public sealed record Balance(decimal Amount, string Currency, DateOnly NextBillDate);

public sealed record TariffSummary(string TariffCode, decimal UnitRate, decimal StandingCharge, DateOnly EndsOn);

public sealed record UsagePoint(DateOnly Day, double Kwh);

public sealed record AccountOverview(string AccountNumber, string HolderEmail, Balance Balance, TariffSummary Tariff, IReadOnlyList<UsagePoint> Usage);

/// <summary>Thrown by the overview when a part fails; the app shows its title, support sees the rest.</summary>
public sealed class OverviewPartException(string part, string accountNumber, Exception inner)
    : Exception($"Overview part '{part}' failed for account {accountNumber}", inner)
{
    public string Part { get; } = part;
}

/// <summary>
/// The account overview of the customer app: balance from billing, tariff from the tariff service,
/// last 30 days of usage from metering, composed in one call. A daily quota per account protects
/// metering from the app's pull-to-refresh.
/// </summary>
public sealed class AccountOverviewComposer(
    HttpClient billing,
    HttpClient tariffs,
    HttpClient metering,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<AccountOverviewComposer> logger)
{
    private static readonly ActivitySource Source = new("Account.Bff");
    private readonly Dictionary<string, int> _usageCallsToday = new();
    private readonly GatewayQuotaRejectedCounter _rejected = meter.CreateGatewayQuotaRejectedCounter();

    public async Task<AccountOverview?> ComposeAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var accountNumber = user.FindFirst("account_number")!.Value;
        var email = user.FindFirst(ClaimTypes.Email)!.Value;
        var accountRef = pseudonymizer.PseudonymizeAccountCustomerId(accountNumber);

        using var span = Source.StartAccountRequest("account-overview");
        span.SetAccountCustomerId(accountRef); // clean precision-pseudonym
        Activity.Current?.SetBaggage("account.ref", accountRef.Value); // clean precision-pseudonym
        Activity.Current?.SetBaggage("account.number", accountNumber); // leak TC1001 direct

        if (!TryTakeQuota(accountNumber, out var used))
        {
            _rejected.Add(1, "usage-daily", "metering"); // clean precision-about
            logger.LogInformation("Daily usage quota spent ({Used} calls) for {AccountRef}", used, accountRef); // clean precision-pseudonym
            logger.LogInformation("Quota counters {Counters}", _usageCallsToday); // leak TC1001 logging-objects
            return null;
        }

        try
        {
            var balance = billing.GetFromJsonAsync<Balance>($"/accounts/{accountNumber}/balance", ct);
            var tariff = tariffs.GetFromJsonAsync<TariffSummary>($"/accounts/{accountNumber}/tariff", ct);
            var usage = metering.GetFromJsonAsync<List<UsagePoint>>($"/accounts/{accountNumber}/usage?days=30", ct);
            await Task.WhenAll(balance, tariff, usage).ConfigureAwait(false);

            var overview = new AccountOverview(accountNumber, email, balance.Result!, tariff.Result!, usage.Result!);
            span.SetAccountTariffId(overview.Tariff.TariffCode).SetAccountParts(3).SetAccountOutcome("ok"); // clean precision-about
            logger.LogDebug("Overview tariff {Tariff}, balance {Balance}", overview.Tariff, overview.Balance); // clean logging-objects
            logger.LogDebug("Overview response {Body}", JsonSerializer.Serialize(overview)); // leak TC1001 logging-objects
            Activity.Current?.SetTag("account.usage.days", overview.Usage.Count); // clean precision-about
            Activity.Current?.SetTag("account.holder.domain", email[(email.IndexOf('@') + 1)..]); // clean precision-about
            return overview;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            var wrapped = new OverviewPartException(ex is TaskCanceledException ? "timeout" : "http", accountNumber, ex);
            span.RecordException(wrapped); // clean exceptions
            span.RecordException(wrapped, includeMessage: true); // leak TC1001 exceptions
            span.SetAccountOutcome(wrapped.Part); // clean precision-about
            logger.LogError(wrapped, "Overview failed"); // leak TC1001 exceptions
            logger.LogError(ex, "Overview failed at {Part}", wrapped.Part); // clean exceptions
            return null;
        }
    }

    private bool TryTakeQuota(string accountNumber, out int used)
    {
        lock (_usageCallsToday)
        {
            used = _usageCallsToday.GetValueOrDefault(accountNumber) + 1;
            _usageCallsToday[accountNumber] = used;
            return used <= 50;
        }
    }
}
