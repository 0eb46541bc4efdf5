namespace PrivacyHoldout127.Education;

public sealed record QuizSubmitted(string StudentNumber, string StudentEmail, string DisplayName, string CourseCode, string QuizSlug, string ClassCode, double Scaled, bool Passed, TimeSpan Duration, Guid Registration);

/// <summary>Turns the learning platform's quiz submissions into xAPI statements and sends them to the trust's LRS.</summary>
public sealed class XapiStatementForwarder(IRemoteLrs lrs, TrainingOptions options, Pseudonymizer pseudonymizer, ILogger<XapiStatementForwarder> logger)
{
    private static readonly ActivitySource Source = new("Trust.Learning.Xapi");
    private static readonly Meter Meter = new("Trust.Learning.Xapi");
    private readonly LrnprogRecordDurationHistogram _duration = Meter.CreateLrnprogRecordDurationHistogram();

    public async Task ForwardAsync(QuizSubmitted quiz, CancellationToken ct)
    {
        var activityIri = new Uri(options.AccountHomePage, $"activities/{quiz.CourseCode}/{quiz.QuizSlug}");
        var statement = new Statement
        {
            Actor = new Agent { Name = quiz.DisplayName, Account = new AgentAccount { HomePage = options.AccountHomePage, Name = quiz.StudentNumber } },
            Verb = quiz.Passed ? Verb.Passed : Verb.Failed,
            Target = new LearningActivity(activityIri, new ActivityDefinition(quiz.QuizSlug, new Uri("http://adlnet.gov/expapi/activities/assessment"))),
            Result = new StatementResult(new Score(quiz.Scaled), quiz.Passed, true, quiz.Duration),
            Context = new StatementContext { Registration = quiz.Registration, Platform = "learn" },
        };

        var learner = pseudonymizer.PseudonymizeLrnprogLearnerId(quiz.StudentNumber);
        using var span = Source.StartLrnprogRecord(quiz.CourseCode)
            .SetLrnprogActivityId(activityIri.ToString()) // clean precision-names
            .SetLrnprogVerb(statement.Verb.ShortName) // clean precision-names
            .SetLrnprogClass(quiz.ClassCode) // clean precision-names
            .SetLrnprogLearnerId(learner)
            .SetLrnprogScore(quiz.Scaled); // clean precision-about
        span.Activity?.SetTag("xapi.statement.id", statement.Id); // clean precision-names
        span.Activity?.SetTag("xapi.registration", quiz.Registration); // clean precision-names
        span.Activity?.SetTag("xapi.actor.account", statement.Actor.Account!.Name); // leak TC1001 cross-member
        span.Activity?.SetTag("xapi.actor", statement.Actor.ToJson()); // leak TC1001 strings
        logger.LogDebug("Sending statement {Statement} for {Verb}", statement, statement.Verb.Display); // clean logging-objects
        logger.LogTrace("Statement body {Json}", statement.ToJson()); // leak TC1001 strings
        logger.LogDebug("Result {@Result}", statement.Result); // clean logging-objects

        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await lrs.SaveStatementAsync(statement, ct);
            logger.LogInformation("LRS stored {@Ids}", response.StatementIds); // clean logging-objects
            if (!response.Success)
            {
                span.SetLrnprogOutcome("rejected").SetLrnprogNote(response.ErrMsg ?? "rejected"); // leak TC1001 generated-api
            }
        }
        catch (LrsException ex) when (ex.Status == 409)
        {
            span.RecordException(ex, "statement already stored", includeMessage: true); // clean exceptions
        }
        catch (LrsException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogLrnprogRecordFailedEvent(quiz.CourseCode, "lrs-error", learner, $"LRS {ex.Status}"); // clean generated-api
        }
        finally
        {
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, quiz.CourseCode, activityIri.ToString()); // clean precision-names
        }
    }

    /// <summary>Reconciles a learner's passed statements with the LRS after an outage.</summary>
    public async Task ReconcileAsync(string studentNumber, DateTimeOffset since, CancellationToken ct)
    {
        var query = new StatementsQuery
        {
            Agent = new Agent { Account = new AgentAccount { HomePage = options.AccountHomePage, Name = studentNumber } },
            VerbId = Verb.Passed.Id,
            Since = since,
        };
        using var activity = Source.StartActivity("lrnprog.reconcile");
        activity?.SetTag("xapi.query", query.ToQueryString()); // leak TC1001 strings
        activity?.SetTag("xapi.query.verb", query.VerbId.ToString()); // clean precision-names
        var result = await lrs.QueryStatementsAsync(query, ct);
        logger.LogInformation("Reconciled {Count} statements, more={More}", result.Statements.Count, result.More is not null); // clean precision-about
        logger.LogDebug("Statement actors {Actors}", string.Join(";", result.Statements.Select(s => s.Actor.Account?.Name))); // leak TC1001 strings
    }
}
