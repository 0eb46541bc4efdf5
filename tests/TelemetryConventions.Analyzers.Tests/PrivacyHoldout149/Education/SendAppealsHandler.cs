namespace PrivacyHoldout149.Education;

/// <summary>
/// The SEN team's handler for appeals the First-tier Tribunal (SEND) registers against the authority:
/// checks the child is on roll, drafts the authority's response and records whether it concedes.
/// </summary>
public sealed class SendAppealsHandler(
    ISendTribunalService tribunal,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<SendAppealsHandler> logger)
{
    private static readonly ActivitySource Source = new("Council.Send.Appeals");

    public async Task<AppealResponse?> HandleAsync(SendAppeal appeal, string authority, CancellationToken cancellationToken)
    {
        using var span = Source.StartSendappealOperation(authority);
        span.SetSendappealAppealType(appeal.AppealType);
        span.SetSendappealPupilId(pseudonymizer.PseudonymizeSendappealPupilId(appeal.PupilUpn)); // clean precision-pseudonym
        span.SetSendappealParentId(pseudonymizer.PseudonymizeSendappealParentId(appeal.ParentEmail)); // clean precision-pseudonym
        span.SetSendappealNote($"Appeal {appeal.AppealRef} for {appeal.ChildName} at {appeal.School}"); // leak TC1001 generated-api
        Activity.Current?.SetTag(SendappealAttributes.Contact, appeal.ParentEmail); // leak TC1001 generated-api
        Activity.Current?.SetTag("send.appeal.ref", appeal.AppealRef); // clean precision-names
        Activity.Current?.SetTag("send.school", appeal.School);
        Activity.Current?.SetTag("send.parent.email_domain", appeal.ParentEmail[(appeal.ParentEmail.IndexOf('@') + 1)..]); // clean precision-about

        using (logger.BeginScope(new Dictionary<string, object> { ["AppealRef"] = appeal.AppealRef, ["AppealType"] = appeal.AppealType })) // clean logging-objects
        using (logger.BeginScope("Appeal for pupil {PupilUpn}", appeal.PupilUpn)) // leak TC1001 logging-objects
        {
            logger.LogInformation("Appeal registered {RegisteredOn:d}, parent {ParentName}", appeal.RegisteredOn, appeal.ParentName); // leak TC1001 direct
            try
            {
                var response = await tribunal.RespondAsync(appeal, cancellationToken);
                span.SetSendappealOutcome(response.Conceded ? "conceded" : response.Decision); // clean generated-api
                meter.CreateSendappealAppealsCounter().Add(1, authority, response.Decision); // clean generated-api
                meter.CreateSendappealDecisionDurationHistogram().Record(response.DaysToRespond * 86400d, authority); // clean generated-api
                logger.LogInformation("Response to appeal {@Response}", response); // clean logging-objects
                return response;
            }
            catch (ChildNotOnRollException ex)
            {
                span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
                logger.LogSendappealOperationFailedEvent(authority, "not-on-roll", sendappealPupilId: pseudonymizer.PseudonymizeSendappealPupilId(appeal.PupilUpn)); // clean generated-api
                return null;
            }
            catch (AppealOutOfTimeException ex)
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
                logger.LogSendappealOperationFailedEvent(authority, ex.Message); // clean generated-api
                return null;
            }
        }
    }

    /// <summary>Weekly summary of appeals by school, for the SEN manager's dashboard.</summary>
    public void Summarise(IReadOnlyList<SendAppeal> appeals, string authority)
    {
        var bySchool = appeals.GroupBy(a => a.School).ToDictionary(g => g.Key, g => g.Count());
        var byChild = appeals.GroupBy(a => a.ChildName).ToDictionary(g => g.Key, g => g.Count());
        logger.LogInformation("Appeals this week by school: {BySchool}", bySchool); // clean logging-objects
        logger.LogInformation("Children with more than one appeal: {ByChild}", byChild.Where(p => p.Value > 1).ToDictionary(p => p.Key, p => p.Value)); // leak TC1001 logging-objects
        meter.CreateSendappealAppealsCounter().Add(appeals.Count, authority, "registered"); // clean generated-api
        foreach (var repeat in appeals.GroupBy(a => a.PupilUpn).Where(g => g.Count() > 1))
        {
            meter.CreateSendappealAppealsCounter().Add(repeat.Count(), authority, repeat.Key); // leak TC1003 generated-api
        }
    }
}
