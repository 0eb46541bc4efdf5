namespace PrivacyHoldout186.Education;

/// <summary>Stage one and stage two appeals against school transport refusals.</summary>
public sealed partial class TransportAppealsService(IPassRegister register, Pseudonymizer pseudonymizer, ILogger<TransportAppealsService> logger)
{
    private static readonly ActivitySource Source = new("Council.TransportAppeals");

    private PassAppeal? _current;

    public void Open(PassAppeal appeal, string pupilUpn)
    {
        _current = appeal;
        using var activity = Source.StartActivity("appeal.open");
        activity?.SetTag("appeal.id", appeal.AppealId); // clean precision-names
        activity?.SetTag("appeal.stage", appeal.Stage); // clean precision-names
        activity?.SetTag("appeal.grounds", appeal.GroundsCode); // clean precision-about
        activity?.SetTag("appeal.statement.length", appeal.Statement.Length); // clean precision-about
        activity?.SetTag("appeal.statement", appeal.Statement); // leak TC1001 direct
        activity?.SetTag("appeal.pupil", pseudonymizer.ComputePupilrideClientId(pupilUpn)); // clean precision-pseudonym
        LogAppealOpened(logger, appeal.AppealId, appeal.Stage); // clean precision-names
        LogAppellant(logger, pupilUpn); // leak TC1001 direct
        LogAppellantRedacted(logger, pupilUpn); // clean logging-objects
        logger.LogInformation("Appeal {@Appeal}", appeal); // leak TC1001 logging-objects
        logger.LogInformation("Appeal copy for the panel {@Appeal}", appeal with { Statement = "[withheld]" }); // clean logging-objects
    }

    public void Decide(string decision)
    {
        var outcome = new AppealOutcome(_current?.AppealId ?? "none", _current?.Stage ?? "1", decision);
        Activity.Current?.SetTag("appeal.decision", outcome.Decision); // clean precision-names
        Activity.Current?.SetTag("appeal.statement_excerpt", _current?.Statement[..Math.Min(40, _current.Statement.Length)]); // leak TC1001 cross-member
        logger.LogInformation("Outcome {@Outcome}", outcome); // clean logging-objects
    }

    public async Task ReviewAsync(string appealId, string holderId, CancellationToken cancellationToken)
    {
        try
        {
            _ = await register.FindHolderAsync(holderId, cancellationToken) ?? throw new PassHolderNotFoundException(holderId);
            if (_current?.AppealId != appealId)
            {
                throw new AppealNotFoundException(appealId);
            }
        }
        catch (AppealNotFoundException ex)
        {
            logger.LogWarning(ex, "Appeal review failed: {Reason}", ex.Message); // clean exceptions
            Activity.Current?.AddException(ex); // clean exceptions
        }
        catch (PassHolderNotFoundException ex)
        {
            logger.LogWarning("Appeal review failed: {Reason}", ex.Message); // leak TC1001 exceptions
            logger.LogPupilrideOperationFailedEvent("appeals", "holder-missing", pseudonymizer.PseudonymizePupilrideClientId(holderId), ex.Message); // leak TC1001 generated-api
        }
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Appeal {AppealId} opened at stage {Stage}")]
    private static partial void LogAppealOpened(ILogger logger, string appealId, string stage);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Appeal for pupil {PupilUpn}")]
    private static partial void LogAppellant(ILogger logger, string pupilUpn);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Information, Message = "Appeal for pupil {PupilUpn}")]
    private static partial void LogAppellantRedacted(ILogger logger, [PrivateData] string pupilUpn);
}
