namespace PrivacyHoldout158.Energy;

/// <summary>The debt support line: agrees repayment plans with customers in difficulty.</summary>
public sealed class DebtSupportLine(ActivitySource source, Pseudonymizer pseudonymizer, ILogger<DebtSupportLine> logger)
{
    private static readonly Meter DebtMeter = new("Helplines.Debt");
    private static readonly Histogram<double> Monthly = DebtMeter.CreateHistogram<double>("debt.plan.monthly", "GBP");

    public void Agree(DebtPlan plan, string agentName)
    {
        using var activity = source.StartActivity("debt.plan.agree");
        activity?.SetTag("debt.plan.id", plan.PlanId); // clean precision-names
        activity?.SetTag("debt.plan.months", plan.Months); // clean precision-about
        activity?.SetTag("debt.customer", plan.CustomerNumber); // leak TC1001 direct
        activity?.SetTag("debt.customer.pseudonym", pseudonymizer.ComputePriorityservicesCustomerId(plan.CustomerNumber)); // clean precision-pseudonym
        activity?.SetTag("debt.agent", agentName); // leak TC1001 direct
        activity?.AddEvent(new ActivityEvent("plan.agreed", tags: new ActivityTagsCollection { ["customer"] = plan.CustomerNumber })); // leak TC1001 direct
        Monthly.Record((double)plan.Monthly, new KeyValuePair<string, object?>("months", plan.Months)); // clean precision-about
        Monthly.Record((double)plan.Monthly, new KeyValuePair<string, object?>("customer", pseudonymizer.PseudonymizePriorityservicesCustomerId(plan.CustomerNumber).Value)); // leak TC1003 precision-pseudonym
        logger.LogInformation("Plan agreed {@Plan}", plan); // leak TC1001 logging-objects
        logger.LogInformation("Plan {PlanId} agreed by {Agent}: {Line}", plan.PlanId, "debt-line", PlanLine(plan)); // clean strings
        logger.LogInformation("Plan agreed: {Line}", CustomerLine(plan)); // leak TC1001 strings
    }

    private static string PlanLine(DebtPlan plan) => $"{plan.Monthly:C} x {plan.Months}";

    private static string CustomerLine(DebtPlan plan) => $"{plan.CustomerNumber}: {plan.Monthly:C} x {plan.Months}";
}
