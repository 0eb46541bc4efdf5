namespace PrivacyHoldout191.Media;

/// <summary>A broadcaster's journalism bursaries: applications, sponsors' declarations and overpayments.</summary>
public sealed class JournalismBursaryRepository(
    IFundingStore store,
    IStudentMailer mailer,
    Pseudonymizer pseudonymizer,
    FundingOptions options,
    Meter meter,
    ILogger<JournalismBursaryRepository> logger)
{
    private static readonly ActivitySource Source = new("Broadcaster.Bursaries");
    private readonly Counter<long> _declarations = meter.CreateCounter<long>("bursary.declarations");
    private SponsorDeclaration? _lastDeclaration;

    public async Task<IReadOnlyList<SponsorDeclaration>> LoadDeclarationsAsync(string applicationId, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("bursary.declarations.load");
        var declarations = await store.GetDeclarationsAsync(applicationId, cancellationToken);
        activity?.SetTag("db.operation", "select"); // clean precision-names
        activity?.SetTag("bursary.declarations.count", declarations.Count); // clean precision-about
        activity?.SetTag("bursary.declarations.unsigned", declarations.Count(d => !d.Signed)); // clean precision-about
        foreach (var declaration in declarations)
        {
            _lastDeclaration = declaration;
            _declarations.Add(1, new KeyValuePair<string, object?>("relationship", declaration.Relationship)); // clean precision-names
            _declarations.Add(1, new KeyValuePair<string, object?>("sponsor", declaration.SponsorEmail)); // leak TC1003 direct
            activity?.AddEvent(new ActivityEvent("declaration.loaded", tags: new ActivityTagsCollection { ["sponsor.name"] = declaration.SponsorName })); // leak TC1001 direct
            activity?.AddEvent(new ActivityEvent("declaration.loaded", tags: new ActivityTagsCollection { ["declaration.id"] = declaration.DeclarationId })); // clean precision-names
            logger.LogDebug("Declaration {@Declaration}", declaration); // leak TC1001 logging-objects
            logger.LogDebug("Declaration {Id} by a {Relationship}, contribution {Contribution}", declaration.DeclarationId, declaration.Relationship, declaration.AnnualContribution); // clean precision-about
        }

        return declarations;
    }

    public void TraceLastDeclaration()
    {
        Activity.Current?.SetTag("bursary.last_sponsor", _lastDeclaration?.SponsorName); // leak TC1001 cross-member
        Activity.Current?.SetTag("bursary.last_relationship", _lastDeclaration?.Relationship); // clean cross-member
        Activity.Current?.SetTag("bursary.last_signed", _lastDeclaration?.Signed); // clean cross-member
        logger.LogInformation("Last declaration {Declaration}", _lastDeclaration); // leak TC1001 cross-member
        Activity.Current?.SetTag("bursary.last_sponsor_email", _lastDeclaration?.SponsorEmail); // leak TC1001 cross-member
        Activity.Current?.SetTag("bursary.last_contribution", _lastDeclaration?.AnnualContribution); // clean cross-member
        Activity.Current?.SetTag("bursary.last_sponsor_hash", _lastDeclaration?.SponsorEmail.GetHashCode()); // leak TC1002 hashes
        Activity.Current?.SetTag("bursary.sponsorType", _lastDeclaration?.Relationship == "employer" ? "organisation" : "individual"); // clean precision-names
        Activity.Current?.SetTag("bursary.sponsor_summary", $"{_lastDeclaration?.SponsorName} ({_lastDeclaration?.Relationship})"); // leak TC1001 strings
    }

    public async Task RaiseOverpaymentAsync(FundingApplication application, decimal amount, string reasonCode, CancellationToken cancellationToken)
    {
        var overpayment = new Overpayment($"OP-{Guid.NewGuid():N}", application.CustomerReference, application.FullName, amount, reasonCode);
        await store.RecordOverpaymentAsync(overpayment, cancellationToken);
        using var op = Source.StartPressbursaryOperation("newsroom-london");
        op.SetPressbursaryStudentId(pseudonymizer.PseudonymizePressbursaryStudentId(application.StudentNumber)); // clean generated-api
        op.SetPressbursaryOutcome("overpayment-raised"); // clean generated-api
        op.SetPressbursaryNote($"overpayment {overpayment.OverpaymentId} of {amount} ({reasonCode})"); // clean generated-api
        op.SetPressbursaryNote($"overpayment for {overpayment.StudentName}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("overpayment.id", overpayment.OverpaymentId); // clean precision-names
        Activity.Current?.SetTag("overpayment.amount", overpayment.Amount); // clean precision-about
        Activity.Current?.SetTag("overpayment.reason", overpayment.ReasonCode); // clean precision-names
        Activity.Current?.SetTag("overpayment.crn", overpayment.CustomerReference); // leak TC1001 direct
        logger.LogInformation("Overpayment raised {Overpayment}", overpayment); // leak TC1001 logging-objects
        logger.LogInformation("Overpayment raised {Overpayment}", overpayment with { CustomerReference = "", StudentName = "" }); // clean logging-objects
        var plan = new RepaymentPlan($"RP-{overpayment.OverpaymentId}", "monthly", Math.Round(amount / 6, 2), 6, amount);
        logger.LogInformation("Repayment plan {@Plan}", plan); // clean logging-objects
        var letter = string.Format(CultureInfo.InvariantCulture, "Dear {0}, you owe {1:C}", application.FullName, amount);
        logger.LogInformation("Letter text {Letter}", letter); // leak TC1001 strings
        var subject = string.Format(CultureInfo.InvariantCulture, "Overpayment {0} for {1}", overpayment.OverpaymentId, options.AcademicYear);
        logger.LogInformation("Letter subject {Subject}", subject); // clean strings
        logger.LogInformation("Letter template {EmailTemplateId}", options.RemittanceEmailTemplateId); // clean precision-names
        await mailer.SendAsync(application.CustomerReference, options.RemittanceEmailTemplateId, new Dictionary<string, string> { ["name"] = application.FullName }, cancellationToken);
        meter.CreatePressbursaryOperationsCounter().Add(1, "newsroom-london", reasonCode); // clean generated-api
        meter.CreatePressbursaryOperationsCounter().Add(1, "newsroom-london", pseudonymizer.ComputePressbursaryStudentId(application.StudentNumber)); // leak TC1003 precision-pseudonym
    }

    public async Task CheckEvidenceAsync(string applicationId, CancellationToken cancellationToken)
    {
        var evidence = await store.GetEvidenceAsync(applicationId, cancellationToken);
        var overdue = (DateTime.UtcNow - DateTime.UtcNow.AddDays(-options.EvidenceDeadlineDays - 3)).Days - options.EvidenceDeadlineDays;
        try
        {
            if (evidence.Count == 0)
            {
                throw new EvidenceOverdueException(applicationId, overdue);
            }

            var application = await store.GetApplicationAsync(applicationId, cancellationToken) ?? throw new StudentNotFoundException(applicationId);
            if (application.HouseholdIncome > options.HouseholdIncomeThreshold)
            {
                throw new IncomeMismatchException(evidence[0].ParentNationalInsuranceNumber, application.HouseholdIncome, evidence[0].DeclaredIncome);
            }
        }
        catch (EvidenceOverdueException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Evidence overdue"); // clean exceptions
            logger.LogPressbursaryOperationFailedEvent("newsroom-london", "evidence-overdue", default, ex.Message); // clean generated-api
        }
        catch (IncomeMismatchException ex)
        {
            logger.LogWarning(ex, "Household income did not match"); // leak TC1001 exceptions
            logger.LogPressbursaryOperationFailedEvent("newsroom-london", "income-mismatch", default, ex.Message); // leak TC1001 generated-api
            Activity.Current?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
        }

        var parentKeys = evidence.Select(e => e.ParentNationalInsuranceNumber.GetHashCode()).ToArray();
        Activity.Current?.SetTag("evidence.parent_hashes", string.Join(",", parentKeys)); // leak TC1002 hashes
        Activity.Current?.SetTag("evidence.types", string.Join(",", evidence.Select(e => e.DocumentType).Distinct())); // clean strings
    }
}
