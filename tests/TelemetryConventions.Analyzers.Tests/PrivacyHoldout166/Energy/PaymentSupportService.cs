namespace PrivacyHoldout166.Energy;

public interface IPaymentPlans
{
    Task<string> AgreeAsync(string accountNumber, decimal weekly, CancellationToken cancellationToken = default);
}

/// <summary>Customers who tell the supplier that gambling put them in arrears get a payment plan and a referral to debt advice.</summary>
public sealed class PaymentSupportService(
    IPaymentPlans plans,
    Pseudonymizer pseudonymizer,
    ILogger<PaymentSupportService> logger)
{
    private static readonly ActivitySource Source = new("PowerDraw.Support");
    private static readonly Meter Meter = new("PowerDraw.Support");
    private readonly PowerdrawPlansCounter _plans = Meter.CreatePowerdrawPlansCounter();
    private readonly PowerdrawPlanDurationHistogram _duration = Meter.CreatePowerdrawPlanDurationHistogram();

    public async Task<string> AgreeAsync(PaymentSupportCase supportCase, string agentStaffId, string region, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartPowerdrawOperation(region);
        var customer = pseudonymizer.PseudonymizePowerdrawCustomerId(supportCase.AccountNumber);
        span.SetPowerdrawCustomerId(customer); // clean generated-api
        span.SetPowerdrawAgentId(pseudonymizer.PseudonymizePowerdrawAgentId(agentStaffId)); // clean generated-api
        span.SetPowerdrawPlan(supportCase.GamblingDisclosed ? "breathing-space" : "standard"); // clean generated-api
        span.SetPowerdrawNote($"arrears {supportCase.Arrears:0}"); // clean generated-api
        span.SetPowerdrawNote($"arrears {supportCase.Arrears:0} for {supportCase.CustomerName}"); // leak TC1001 generated-api

        logger.LogInformation("Plan requested by agent {Agent} in {Region}", agentStaffId, region); // leak TC1001 direct
        logger.LogInformation("Plan requested for {@Case}", supportCase); // leak TC1001 logging-objects
        logger.LogInformation("Plan requested, gambling disclosed {Disclosed}, arrears {Arrears}", supportCase.GamblingDisclosed, supportCase.Arrears); // clean precision-about
        logger.LogInformation("Plan requested, mobile ends {LastDigits}", supportCase.Mobile[^2..]); // clean precision-about

        var weekly = Math.Round(supportCase.Arrears / 26m, 2);
        var planId = await plans.AgreeAsync(supportCase.AccountNumber, weekly, cancellationToken);
        span.SetPowerdrawOutcome("agreed"); // clean generated-api
        _plans.Add(1, region, "agreed"); // clean generated-api
        _plans.Add(1, region, supportCase.AccountNumber); // leak TC1003 generated-api
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, region); // clean generated-api
        logger.LogInformation("Plan {PlanId} agreed at {Weekly} a week", planId, weekly); // clean precision-names
        Activity.Current?.SetTag("powerdraw.account", supportCase.AccountNumber); // leak TC1001 direct
        Activity.Current?.SetTag("powerdraw.customer", customer); // clean precision-pseudonym
        logger.LogInformation("Plan confirmation texted to {Mobile}", supportCase.Mobile); // leak TC1001 direct
        return planId;
    }
}
