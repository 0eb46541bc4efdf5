namespace PrivacyHoldout177.Gaming;

/// <summary>Takes instalments of a recovery plan from the player's wallet top-ups and chases broken plans.</summary>
public sealed class WalletRecoveryPlanJob(Pseudonymizer pseudonymizer, ILogger<WalletRecoveryPlanJob> logger)
{
    private static readonly ActivitySource Source = new("Studio.Payments.RecoveryPlans");
    private readonly Dictionary<string, decimal> _owedByPlayer = new();

    public void TakeInstalment(PaymentPlan plan, string gamertag, decimal topUp)
    {
        _owedByPlayer[plan.AccountNumber] = plan.Instalment * plan.Instalments;
        using var span = Source.StartWalletdebtOperation("wallet");
        span.SetWalletdebtStage("plan"); // clean precision-about
        span.Activity?.SetTag("plan.instalment", plan.Instalment); // clean precision-about
        span.Activity?.SetTag("plan.frequency", plan.Frequency); // clean precision-about
        span.Activity?.SetTag("wallet.topup", topUp); // clean precision-about
        span.Activity?.SetTag("plan.account", plan.AccountNumber); // leak TC1001 direct
        var copy = plan with { Instalments = plan.Instalments - 1 };
        logger.LogInformation("Instalment taken {Plan}", copy); // leak TC1001 logging-objects
        logger.LogInformation("Instalment taken, {Left} left", copy.Instalments); // clean precision-about
        logger.LogInformation("Instalment taken from {Player}", $"{gamertag} ({plan.PlanId})"); // leak TC1001 strings
        logger.LogInformation("Instalment taken on plan {PlanId}", plan.PlanId); // clean precision-names
    }

    public void ChaseBroken(string caseId, int daysOverdue)
    {
        using var span = Source.StartWalletdebtOperation("wallet");
        var broken = new PromiseBrokenException(caseId, daysOverdue);
        span.RecordException(broken, includeMessage: true); // clean exceptions
        logger.LogWarning(broken, "Plan broken"); // clean exceptions
        span.Activity?.SetTag("plans.owing", _owedByPlayer.Count); // clean precision-about
        span.Activity?.SetTag("plans.owed_total", _owedByPlayer.Values.Sum()); // clean precision-about
        span.Activity?.SetTag("plans.players", string.Join(";", _owedByPlayer.Keys)); // leak TC1001 cross-member
        logger.LogInformation("Owed by player {Owed}", _owedByPlayer); // leak TC1001 logging-objects
    }
}
