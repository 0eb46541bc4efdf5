namespace PrivacyHoldout158.Retail;

/// <summary>The store card's hardship line: customers in financial difficulty agree a breathing space or a repayment plan.</summary>
public static class StoreCardHardshipEndpoints
{
    private static readonly Histogram<int> PlanMonths = new Meter("Helplines.Hardship").CreateHistogram<int>("hardship.plan.months");

    public static void Map(EndpointRoutes routes) => routes.MapPost("/hardship/plans", Agree);

    private static ActionResult Agree(DebtPlan plan, string division, string customerEmail, ActivitySource source, Pseudonymizer pseudonymizer, ILogger<DebtPlan> logger)
    {
        using var span = source.StartEapOperation(division);
        span.SetEapCustomerId(pseudonymizer.PseudonymizeEapCustomerId(plan.CustomerNumber)); // clean precision-pseudonym
        span.SetEapCaseCount(1); // clean generated-api
        span.SetEapNote($"Plan {plan.PlanId}: {plan.Months} months"); // clean generated-api
        span.SetEapOutcome($"agreed:{customerEmail}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("hardship.plan.id", plan.PlanId); // clean precision-names
        Activity.Current?.SetTag("hardship.customer.email", customerEmail); // leak TC1001 direct
        Activity.Current?.SetTag("hardship.customer.email_length", customerEmail.Length); // clean precision-about
        Activity.Current?.SetTag("hardship.customer.number", plan.CustomerNumber); // leak TC1001 direct
        Activity.Current?.SetBaggage("hardship.customer", pseudonymizer.ComputeEapCustomerId(plan.CustomerNumber)); // clean precision-pseudonym
        PlanMonths.Record(plan.Months, new KeyValuePair<string, object?>("division", division)); // clean precision-about
        PlanMonths.Record(plan.Months, new KeyValuePair<string, object?>("customer", plan.CustomerNumber)); // leak TC1003 direct
        logger.LogInformation("Plan agreed: {Summary}", Summary(plan, customerEmail)); // leak TC1001 strings
        logger.LogInformation("Plan agreed: {Terms}", Terms(plan)); // clean strings
        logger.LogInformation("Plan agreed for a {Domain} customer", customerEmail.Split('@')[^1]); // clean precision-about
        return new OkResult(plan.PlanId);
    }

    private static string Summary(DebtPlan plan, string email) => $"{email} pays {plan.Monthly:C}";

    private static string Terms(DebtPlan plan) => $"{plan.Monthly:C} for {plan.Months} months";
}
