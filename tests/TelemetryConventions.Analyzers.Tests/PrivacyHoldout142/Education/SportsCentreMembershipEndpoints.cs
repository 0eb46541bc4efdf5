namespace PrivacyHoldout142.Education;

/// <summary>
/// The join page's form. Prints the student number (empty for community members), names, email, mobile, the
/// membership category, the plan and the bank details of a community member paying by direct debit.
/// </summary>
public sealed record CentreJoinForm(string? StudentNumber, string FirstName, string LastName, string Email, string Mobile, string Category, string PlanCode, BankDetails? Bank);

/// <summary>The sports centre's membership API: joining, the summer freeze students ask for, and the plan lookup the front desk uses.</summary>
public static class SportsCentreMembershipEndpoints
{
    public static EndpointRoutes MapSportsCentreMemberships(this EndpointRoutes routes) =>
        routes.MapPost("/sports-centre/join", JoinAsync)
            .MapPost("/sports-centre/members/{membershipNumber}/summer-freeze", SummerFreezeAsync)
            .MapGet("/sports-centre/members/{membershipNumber}/plan", PlanAsync);

    internal static async Task<ActionResult> JoinAsync(CentreJoinForm form, IMemberDirectory members, IDirectDebitProvider directDebits, ActivitySource source, Pseudonymizer pseudonymizer, ILogger<CentreJoinForm> logger, CancellationToken cancellationToken)
    {
        using var span = source.StartUnisportOperation("main-campus-sc");
        span.SetUnisportStage(form.Category); // clean generated-api
        Activity.Current?.SetTag("unisport.join.has_student_number", form.StudentNumber is not null); // clean precision-about
        Activity.Current?.SetTag("unisport.join.student_number", form.StudentNumber); // leak TC1001 direct
        logger.LogInformation("Join form received {Form}", form); // leak TC1001 logging-objects
        logger.LogInformation("Join form for plan {PlanCode} in category {Category}", form.PlanCode, form.Category); // clean precision-names

        var result = await members.CreateAsync(new SignUpRequest(form.FirstName, form.LastName, form.Email, form.Mobile, DateOnly.MinValue, string.Empty, form.PlanCode, "main-campus-sc", null), cancellationToken);
        span.SetUnisportMemberId(pseudonymizer.PseudonymizeUnisportMemberId(result.MembershipNumber)); // clean precision-pseudonym
        if (form.Bank is { } bank)
        {
            var reference = $"USC-{result.MembershipNumber}";
            Activity.Current?.SetTag("unisport.mandate.reference", reference); // leak TC1001 strings
            Activity.Current?.SetTag("unisport.bank.sort_code", bank.SortCode); // clean precision-about
            Activity.Current?.SetTag("unisport.bank.account_last2", bank.AccountNumber[^2..]); // clean precision-about
            try
            {
                var customerId = await directDebits.CreateCustomerAsync(form.FirstName, form.LastName, form.Email, cancellationToken);
                var mandate = await directDebits.CreateMandateAsync(new MandateRequest(customerId, bank, reference), cancellationToken);
                logger.LogInformation("Mandate {MandateId} is {Status}", mandate.MandateId, mandate.Status); // clean precision-names
                logger.LogInformation("Mandate created {Mandate}", mandate); // leak TC1001 logging-objects
            }
            catch (BankDetailsInvalidException ex)
            {
                logger.LogWarning(ex, "Bank details rejected for a new member"); // leak TC1001 exceptions
                logger.LogWarning("Bank details rejected for sort code {SortCode}", ex.SortCode); // clean exceptions
                return new BadRequestResult("bank details");
            }
            catch (DirectDebitApiException ex)
            {
                logger.LogError(ex, "Direct debit provider error {Status} {Code}", ex.Status, ex.Code); // clean exceptions
                span.RecordException(ex, includeMessage: true); // clean exceptions
            }
        }

        logger.LogInformation("Welcome email to a {EmailDomain} address", form.Email.Split('@')[1]); // clean precision-about
        return new OkResult(result.AgreementId);
    }

    internal static async Task<ActionResult> SummerFreezeAsync(string membershipNumber, FreezeRequest body, IMemberDirectory members, Meter meter, ILogger<CentreJoinForm> logger, CancellationToken cancellationToken)
    {
        Activity.Current?.SetTag("http.route", "/sports-centre/members/{membershipNumber}/summer-freeze"); // clean precision-names
        Activity.Current?.SetTag("url.path", $"/sports-centre/members/{membershipNumber}/summer-freeze"); // leak TC1001 strings
        try
        {
            var decision = await members.FreezeAsync(body with { MembershipNumber = membershipNumber }, cancellationToken);
            logger.LogInformation("Summer freeze {FreezeId}: {Days} days at {Fee}", decision.FreezeId, decision.Days, decision.FeePerMonth); // clean precision-names
            logger.LogInformation("Freeze comment: {Comment}", body.Comment); // leak TC1001 direct
            logger.LogInformation("Freeze comment of {Length} characters", body.Comment?.Length ?? 0); // clean precision-about
            meter.CreateUnisportEntriesCounter().Add(1, unisportCentre: "main-campus-sc", unisportOutcome: "freeze:" + membershipNumber); // leak TC1003 generated-api
            return new OkResult(decision.FreezeId);
        }
        catch (FreezeLimitReachedException ex)
        {
            logger.LogWarning("Freeze refused: {Message}", ex.Message); // clean exceptions
            return new BadRequestResult(ex.Message);
        }
    }

    internal static async Task<ActionResult> PlanAsync(string membershipNumber, IMemberDirectory members, ILogger<CentreJoinForm> logger, CancellationToken cancellationToken)
    {
        var member = await members.FindAsync(membershipNumber, cancellationToken);
        if (member is null)
        {
            var missing = new MemberNotFoundException(membershipNumber);
            logger.LogWarning(missing, "Plan lookup failed"); // leak TC1001 exceptions
            return new NotFoundResult(null);
        }

        logger.LogInformation("Plan lookup: {PlanCode}, status {Status}, age {Age}", member.PlanCode, member.Status, DateTime.Today.Year - member.DateOfBirth.Year); // clean precision-about
        logger.LogInformation("Plan lookup for {Member}", member); // leak TC1001 logging-objects
        return new OkResult(member.PlanCode);
    }
}
