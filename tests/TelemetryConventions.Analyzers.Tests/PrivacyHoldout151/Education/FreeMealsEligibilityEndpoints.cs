namespace PrivacyHoldout151.Education;

/// <summary>The council's free school meals checker: parents apply online, the benefits check answers, the school is told.</summary>
public static class FreeMealsEligibilityEndpoints
{
    private static readonly ActivitySource Source = new("Council.Education.FreeMeals");
    private static readonly Meter Meter = new("Council.Education.FreeMeals");
    private static readonly Counter<long> Applications = Meter.CreateCounter<long>("fsm.applications");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/fsm/applications", ApplyAsync);
        routes.MapGet("/fsm/applications/{applicationId}", (string applicationId) => Status(applicationId));
    }

    public static async Task<ActionResult> ApplyAsync(FsmApplication application, DateOnly parentDateOfBirth, IEligibilityChecker checker, Pseudonymizer pseudonymizer, Meter meter, ILogger<FsmApplication> logger, CancellationToken cancellationToken)
    {
        using var span = Source.StartFreemealsOperation(application.SchoolUrn);
        span.SetFreemealsParentId(pseudonymizer.PseudonymizeFreemealsParentId(application.ParentNino)); // clean precision-pseudonym
        span.SetFreemealsPupilId(pseudonymizer.PseudonymizeFreemealsPupilId(application.PupilUpn)); // clean precision-pseudonym
        Activity.Current?.SetTag("fsm.application.id", application.ApplicationId); // clean precision-names
        Activity.Current?.SetTag("fsm.school", $"urn:{application.SchoolUrn}"); // clean strings
        Activity.Current?.SetTag("fsm.pupil.upn", application.PupilUpn); // leak TC1001 direct
        Activity.Current?.SetTag("fsm.parent.email_domain", application.ParentEmail[(application.ParentEmail.IndexOf('@') + 1)..]); // clean precision-about
        Activity.Current?.SetTag("fsm.parent.age", DateTime.Today.Year - parentDateOfBirth.Year); // clean precision-about
        Activity.Current?.SetTag("fsm.parent.dob", parentDateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // leak TC1001 direct

        var familyName = application.ParentName.Split(' ')[^1];
        try
        {
            var result = await checker.CheckAsync(application.ParentNino, parentDateOfBirth, familyName, cancellationToken);
            span.SetFreemealsOutcome(result.Eligible ? "eligible" : "not-eligible"); // clean generated-api
            Activity.Current?.SetTag("fsm.qualifying_benefit", result.QualifyingBenefit); // clean precision-about
            Applications.Add(1, new KeyValuePair<string, object?>("eligible", result.Eligible), new KeyValuePair<string, object?>("benefit", result.QualifyingBenefit)); // clean precision-about
            meter.CreateFreemealsChecksCounter().Add(1, freemealsSchool: application.SchoolUrn, freemealsOutcome: result.Eligible ? "eligible" : "not-eligible"); // clean generated-api
            logger.LogInformation("FSM check {CheckId} for {FamilyName}: {Eligible}", result.CheckId, familyName, result.Eligible); // leak TC1001 strings
            logger.LogInformation("FSM check {CheckId}: eligible {Eligible} through {Benefit}", result.CheckId, result.Eligible, result.QualifyingBenefit); // clean precision-names
            return new OkResult(result);
        }
        catch (ParentNotMatchedException ex)
        {
            logger.LogWarning(ex, "Parent not matched for application {ApplicationId}", application.ApplicationId); // leak TC1001 exceptions
            span.SetFreemealsOutcome(ex.Message); // leak TC1001 exceptions
            logger.LogFreemealsOperationFailedEvent(application.SchoolUrn, "not-matched", freemealsParentId: pseudonymizer.PseudonymizeFreemealsParentId(application.ParentNino), freemealsNote: $"Parent {application.ParentName} not matched"); // leak TC1001 generated-api
            meter.CreateFreemealsChecksCounter().Add(1, freemealsSchool: application.SchoolUrn, freemealsOutcome: "not-matched"); // clean generated-api
            return new NotFoundResult("We could not confirm your benefits");
        }
        catch (EligibilityServiceDownException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogError(ex, "Eligibility service down for application {ApplicationId}", application.ApplicationId); // clean exceptions
            return BadRequestLater();
        }
    }

    private static ActionResult Status(string applicationId)
    {
        Activity.Current?.SetTag("fsm.application.lookup", applicationId); // clean precision-names
        return new OkResult(applicationId);
    }

    private static ActionResult BadRequestLater() => new BadRequestResult("Try again later");
}
