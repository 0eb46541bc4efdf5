using System.Security.Cryptography;
using System.Text;

namespace PrivacyHoldout69.Energy;

public sealed record SupplyAccount(string AccountNumber, string HolderEmail, string TariffCode, int TenureMonths, int Complaints90d, string Region);

/// <summary>The offer engine refused an offer. Its message quotes the account, as the billing system writes it.</summary>
public sealed class RetentionOfferException(string accountNumber, string offerCode)
    : Exception($"Offer {offerCode} not allowed on account {accountNumber}: fixed-term tariff.");

/// <summary>
/// Weekly churn propensity for supply accounts and the retention offer chosen by a contextual
/// bandit; every decision is logged with its propensity for off-policy evaluation.
/// </summary>
public sealed class ChurnPropensityService(
    IScoringClient scoring,
    IContextualBandit bandit,
    IExperimentClient experiments,
    ShardKey shardKey,
    Pseudonymizer pseudonymizer,
    ILogger<ChurnPropensityService> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Retention.Churn");
    private static readonly Meter Meter = new("Supplier.Retention.Churn");
    private static readonly Counter<long> Offers = Meter.CreateCounter<long>("retention.offers");

    public async Task ScoreAsync(SupplyAccount account, CancellationToken ct)
    {
        using var activity = Source.StartActivity("churn.score");
        activity?.SetTag("churn.account_tenure_months", account.TenureMonths); // clean precision-names
        activity?.SetTag("churn.subject", Convert.ToBase64String(Encoding.UTF8.GetBytes(account.AccountNumber))); // leak TC1001 hashes
        activity?.SetTag("churn.subject_digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(account.AccountNumber)))[..12]); // leak TC1002 hashes
        activity?.SetTag("churn.subject_ref", shardKey.Digest(account.AccountNumber)); // clean hashes
        activity?.SetTag("churn.holder_domain", account.HolderEmail.Split('@')[^1]); // clean precision-about

        var inputs = new Dictionary<string, object?>
        {
            ["account_number"] = account.AccountNumber,
            ["tariff_code"] = account.TariffCode,
            ["tenure_months"] = account.TenureMonths,
            ["complaints_90d"] = account.Complaints90d,
        };
        var response = await scoring.ScoreAsync(new ScoringRequest("churn-propensity", inputs) { Explain = true }, ct);
        logger.LogInformation("churn-propensity {Version} inputs={Inputs} score={Score:0.000}", response.ModelVersion, inputs, response.Score); // leak TC1001 logging-objects
        logger.LogInformation("Churn explanation: {TopFeatures}", response.TopFeatures.Where(f => f.Feature != "account_number").Select(f => $"{f.Feature}:{f.Contribution:0.00}")); // clean precision-about
        activity?.SetTag("churn.score", response.Score);

        if (response.Score < 0.4)
        {
            return;
        }

        var assignment = experiments.Assign("retention-offers-v2", account.AccountNumber);
        logger.LogInformation("Retention experiment {@Assignment}", assignment); // leak TC1001 logging-objects
        if (!assignment.InExperiment || assignment.Arm == "holdout")
        {
            logger.LogInformation("Account held out of retention offers ({Arm})", assignment.Arm); // clean precision-about
            return;
        }

        var choice = bandit.Choose("retention-offer", new Dictionary<string, double> { ["p_churn"] = response.Score, ["tenure"] = account.TenureMonths });
        logger.LogInformation("Offer decision {DecisionId}: arm {Arm} p={Propensity:0.000} policy {Policy} explored={Explored}", choice.DecisionId, choice.Arm, choice.Propensity, choice.PolicyVersion, choice.Explored); // clean precision-about
        Offers.Add(1, new KeyValuePair<string, object?>("offer", choice.Arm), new KeyValuePair<string, object?>("region", account.Region)); // clean precision-about
        Offers.Add(1, new KeyValuePair<string, object?>("account", pseudonymizer.Compute("supply.account", account.AccountNumber))); // leak TC1003 precision-pseudonym

        try
        {
            await ApplyOfferAsync(account, choice.Arm, ct);
        }
        catch (RetentionOfferException ex)
        {
            logger.LogWarning(ex, "Offer {Offer} refused by billing", choice.Arm); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            bandit.Reward(choice.DecisionId, 0);
        }
    }

    private static Task ApplyOfferAsync(SupplyAccount account, string offerCode, CancellationToken ct) =>
        account.TariffCode.StartsWith("FIX", StringComparison.Ordinal)
            ? Task.FromException(new RetentionOfferException(account.AccountNumber, offerCode))
            : Task.CompletedTask;
}
