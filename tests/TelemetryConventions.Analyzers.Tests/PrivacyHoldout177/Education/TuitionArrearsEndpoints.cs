namespace PrivacyHoldout177.Education;

/// <summary>The university's student finance minimal API: arrears, sanctions holds and instalment plans.</summary>
public static partial class TuitionArrearsEndpoints
{
    private static readonly ActivitySource Source = new("University.StudentFinance");
    private static readonly Meter Meter = new("University.StudentFinance");
    private static readonly Counter<long> Holds = Meter.CreateCounter<long>("finance.sanction.holds");
    private static readonly FeesrecoveryOperationsCounter Operations = Meter.CreateFeesrecoveryOperationsCounter();

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/finance/arrears/{studentNumber}/hold", PlaceHold);
        routes.MapPost("/finance/arrears/{studentNumber}/plan", AgreePlan);
    }

    private static ActionResult PlaceHold(string studentNumber, TuitionDebt debt, Pseudonymizer pseudonymizer, ILogger<TuitionDebt> logger)
    {
        using var span = Source.StartFeesrecoveryOperation(debt.Faculty);
        span.SetFeesrecoveryDebtorId(pseudonymizer.PseudonymizeFeesrecoveryDebtorId(studentNumber)); // clean precision-pseudonym
        span.SetFeesrecoveryStage("sanction"); // clean precision-about
        span.Activity?.SetTag("finance.owed", debt.Owed); // clean precision-about
        span.Activity?.SetTag("finance.student_email", debt.Email); // leak TC1001 direct
        span.Activity?.SetTag("finance.student_email_domain", debt.Email[(debt.Email.IndexOf('@') + 1)..]); // clean precision-about
        span.Activity?.SetTag(FeesrecoveryAttributes.Contact, debt.Email); // leak TC1001 generated-api
        span.Activity?.SetTag(FeesrecoveryAttributes.Contact, pseudonymizer.PseudonymizeFeesrecoveryDebtorId(debt.Email).Value); // leak TC1001 precision-pseudonym
        Holds.Add(1, new KeyValuePair<string, object?>("faculty", debt.Faculty)); // clean precision-names
        Holds.Add(1, new KeyValuePair<string, object?>("student", studentNumber)); // leak TC1003 direct
        Operations.Add(1, debt.Faculty, "hold_placed"); // clean generated-api
        logger.LogInformation("Hold placed on {StudentNumber} owing {Owed}", studentNumber, debt.Owed); // leak TC1001 direct
        logger.LogInformation("Hold placed on a {Faculty} student owing {Owed}", debt.Faculty, debt.Owed); // clean precision-about
        logger.LogInformation("Debt {Debt}", debt); // leak TC1001 logging-objects
        HoldPlaced(logger, debt.StudentName, debt.Faculty); // clean logging-objects
        return new OkResult(null);
    }

    private static ActionResult AgreePlan(string studentNumber, IncomeExpenditure assessment, decimal instalment, string studentName, ILogger<TuitionDebt> logger)
    {
        using var activity = Source.StartActivity("finance.plan.agree");
        activity?.SetTag("ie.income", assessment.MonthlyIncome); // clean precision-about
        activity?.SetTag("ie.outgoings", assessment.MonthlyOutgoings); // clean precision-about
        activity?.SetTag("plan.instalment", instalment); // clean precision-about
        if (activity is not null) activity.DisplayName = $"plan for {studentName}"; // leak TC1001 strings
        var planId = $"SF-PLAN-{Guid.NewGuid():N}";
        activity?.SetTag("plan.id", planId); // clean precision-names
        if (instalment <= 0)
        {
            var notFound = new StudentAccountNotFoundException(studentNumber);
            activity?.SetStatus(ActivityStatusCode.Error, notFound.Message); // leak TC1001 exceptions
            logger.LogError(notFound, "Plan not agreed"); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, nameof(StudentAccountNotFoundException)); // clean exceptions
            return new BadRequestResult(null);
        }
        var summary = new PlanSummary(planId, instalment, "monthly", 10);
        logger.LogInformation("Plan agreed {@Plan}", summary); // clean logging-objects
        PlanAgreed(logger, studentNumber, planId); // leak TC1001 cross-member
        return new OkResult(summary);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hold placed for {StudentName} in {Faculty}")]
    private static partial void HoldPlaced(ILogger logger, [PrivateData] string studentName, string faculty);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan {PlanId} agreed for {StudentNumber}")]
    private static partial void PlanAgreed(ILogger logger, string studentNumber, string planId);
}
