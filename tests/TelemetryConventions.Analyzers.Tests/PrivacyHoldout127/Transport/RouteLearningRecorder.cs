namespace PrivacyHoldout127.Transport;

public sealed record RouteLearningSignOff(string DriverStaffNumber, string AssessorStaffNumber, string AssessorName, string Route, string Depot, int Trips, bool Competent, string? Remarks);

/// <summary>Route knowledge: a driver learns a route with a driving standards assessor, who signs it off after the trips the route requires.</summary>
public sealed class RouteLearningRecorder(IRemoteLrs lrs, TrainingOptions options, Pseudonymizer pseudonymizer, ILogger<RouteLearningRecorder> logger)
{
    private static readonly ActivitySource Source = new("Operator.RouteLearning");

    public async Task RecordAsync(RouteLearningSignOff signOff, CancellationToken ct)
    {
        using var span = Source.StartDrivercpcRecord("route-learning")
            .SetDrivercpcRoute(signOff.Route) // clean precision-names
            .SetDrivercpcDepot(signOff.Depot)
            .SetDrivercpcDriverId(pseudonymizer.PseudonymizeDrivercpcDriverId(signOff.DriverStaffNumber)) // clean precision-pseudonym
            .SetDrivercpcAssessorId(pseudonymizer.PseudonymizeDrivercpcAssessorId(signOff.AssessorStaffNumber))
            .SetDrivercpcOutcome(signOff.Competent ? "competent" : "more-trips"); // clean precision-about
        span.Activity?.SetTag("drivercpc.trips", signOff.Trips); // clean precision-about
        span.Activity?.SetBaggage("drivercpc.driver", signOff.DriverStaffNumber); // leak TC1001 direct
        span.Activity?.SetTag("drivercpc.assessor", signOff.AssessorName); // leak TC1001 direct
        span.Activity?.SetTag(DrivercpcAttributes.Contact, pseudonymizer.ComputeDrivercpcDriverId(signOff.DriverStaffNumber)); // leak TC1001 precision-pseudonym

        var statement = new Statement
        {
            Actor = new Agent { Account = new AgentAccount { HomePage = options.AccountHomePage, Name = signOff.DriverStaffNumber } },
            Verb = signOff.Competent ? Verb.Passed : Verb.Attempted,
            Target = new LearningActivity(new Uri(options.AccountHomePage, $"routes/{signOff.Route}")),
            Context = new StatementContext { Instructor = new Agent { Name = signOff.AssessorName, Mbox = $"mailto:{signOff.AssessorStaffNumber}@operator.example" } },
        };
        try
        {
            var response = await lrs.SaveStatementAsync(statement, ct);
            logger.LogInformation("Route statement {Id} for {Route} stored={Stored}", statement.Id, signOff.Route, response.Success); // clean precision-names
            logger.LogDebug("Route statement instructor {Instructor}", statement.Context.Instructor.Mbox); // leak TC1001 cross-member
        }
        catch (LrsException ex)
        {
            logger.LogDrivercpcRecordFailedEvent("route-learning", "lrs-error", drivercpcNote: ex.Message); // leak TC1001 generated-api
            span.SetStatus(ActivityStatusCode.Error, $"LRS returned {ex.Status}"); // clean exceptions
        }
    }
}
