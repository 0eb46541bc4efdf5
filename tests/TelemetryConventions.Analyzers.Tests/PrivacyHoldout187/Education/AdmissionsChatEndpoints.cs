namespace PrivacyHoldout187.Education;

/// <summary>The university's admissions chatbot and its clearing handoff, as minimal-API endpoints.</summary>
public static partial class AdmissionsChatEndpoints
{
    private static readonly ActivitySource Source = new("PrivacyHoldout187.Education.AdmissionsChat");
    private static readonly Meter ChatMeter = new("PrivacyHoldout187.Education.AdmissionsChat");
    private static readonly Counter<long> Messages = ChatMeter.CreateCounter<long>("clearingbot.messages");
    private static readonly Counter<long> SurveyAnswers = ChatMeter.CreateCounter<long>("clearingbot.csat.answers");

    public static EndpointRoutes MapAdmissionsChat(this EndpointRoutes routes)
    {
        routes.MapPost("/admissions/chat", HandleMessage);
        routes.MapPost("/admissions/clearing/handoff", HandOffClearingCall);
        routes.MapPost("/admissions/csat", RecordSurveyAnswer);
        return routes;
    }

    private static string ApplicantTag(ApplicantMessage message) => message.UcasPersonalId;

    private static string CourseTag(ApplicantMessage message) => message.CourseCode;

    internal static async Task<object> HandleMessage(ApplicantMessage message, IIntentClassifier classifier, Pseudonymizer pseudonymizer, ContactCentreOptions options, ILogger<ApplicantMessage> logger)
    {
        using var span = Source.StartClearingbotOperation("admissions");
        span.SetClearingbotCustomerId(pseudonymizer.PseudonymizeClearingbotCustomerId(message.UcasPersonalId)); // clean generated-api
        var activity = Activity.Current;
        activity?.SetTag("applicant.ucas_id", ApplicantTag(message)); // leak TC1001 cross-member
        activity?.SetTag("course.code", CourseTag(message)); // clean cross-member
        activity?.SetTag("applicant.email", message.ApplicantEmail); // leak TC1001 direct
        activity?.SetTag("applicant.email_domain", message.ApplicantEmail.Split('@')[1]); // clean precision-about
        activity?.SetTag("bot.name", options.BotName); // clean precision-names
        Messages.Add(1, new KeyValuePair<string, object?>("course", message.CourseCode)); // clean precision-names
        Messages.Add(1, new KeyValuePair<string, object?>("applicant", message.UcasPersonalId)); // leak TC1003 direct

        var intent = await classifier.ClassifyAsync(message.Text);
        span.SetClearingbotIntent(intent.Intent).SetClearingbotChannel("web-chat"); // clean generated-api
        logger.LogInformation("Applicant asked: {Question}", message.Text); // leak TC1001 direct
        logger.LogInformation("Question of {Length} characters classified as {Intent}", message.Text.Length, intent.Intent); // clean precision-about
        logger.LogInformation("Applicant {ApplicantId} asked about {CourseCode}", pseudonymizer.ComputeClearingbotCustomerId(message.UcasPersonalId), message.CourseCode); // clean precision-pseudonym
        logger.LogInformation("Message {@Message}", message); // leak TC1001 logging-objects
        logger.LogInformation("Message {@Message}", message with { ApplicantEmail = "(hidden)", Text = "(hidden)" }); // leak TC1001 logging-objects
        logger.LogInformation("Classification {@Result}", new { intent.Intent, intent.Confidence, message.CourseCode }); // clean logging-objects
        logger.LogInformation("Classification {@Result}", new { intent.Intent, message.ApplicantEmail }); // leak TC1001 logging-objects

        if (intent.Intent == "handoff.request")
        {
            span.SetClearingbotNote($"applicant asked for a person: {message.Text}"); // leak TC1001 generated-api
            span.SetClearingbotOutcome("handed-off"); // clean generated-api
            return new { handoff = true };
        }

        var faqPath = string.Format("faq/{0}/{1}", message.CourseCode, intent.Intent.Replace('.', '/'));
        logger.LogDebug("Answer taken from {FaqPath}", faqPath); // clean strings
        span.SetClearingbotNote($"answered from FAQ for course {message.CourseCode} with intent {intent.Intent}"); // clean generated-api
        LogAnswered(logger, intent.Intent, message.ApplicantEmail); // clean precision-pseudonym
        return new { handoff = false, intent = intent.Intent };
    }

    internal static async Task<object> HandOffClearingCall(ClearingHandoff handoff, IRoutingClient routing, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<ClearingHandoff> logger)
    {
        using var span = Source.StartClearingbotOperation("clearing");
        var applicantRef = Pseudonym.FromComputed(handoff.UcasPersonalId);
        span.SetClearingbotCustomerId(applicantRef); // leak TC1001 generated-api
        span.SetClearingbotTurns(handoff.Points); // clean generated-api
        Activity.Current?.SetTag("clearing.points", handoff.Points); // clean precision-about
        Activity.Current?.SetTag("applicant.name", handoff.ApplicantName); // leak TC1001 direct
        Activity.Current?.SetTag("applicant.name_length", handoff.ApplicantName.Length); // clean precision-about
        OpenTelemetry.Baggage.SetBaggage("clearing.applicant", handoff.UcasPersonalId); // leak TC1001 direct
        OpenTelemetry.Baggage.SetBaggage("clearing.course", handoff.CourseCode); // clean precision-names

        var cohort = BitConverter.ToUInt32(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(handoff.UcasPersonalId))) % 10;
        Activity.Current?.SetTag("applicant.cohort", cohort); // clean hashes
        Activity.Current?.SetTag("applicant.hash", handoff.UcasPersonalId.GetHashCode()); // leak TC1002 hashes

        var summary = string.Format("Clearing call for {0} ({1}) on {2} with {3} points", handoff.ApplicantName, handoff.UcasPersonalId, handoff.CourseCode, handoff.Points);
        try
        {
            var ticket = await routing.HandOffAsync(new HandoffRequest(handoff.ConversationId, "clearing", "clearing.call", summary, 0));
            logger.LogInformation("Clearing handoff queued: {Summary}", summary); // leak TC1001 strings
            logger.LogInformation("Clearing handoff {TicketId} at position {Position}, wait {Wait}", ticket.TicketId, ticket.Position, ticket.EstimatedWait); // clean precision-names
            logger.LogInformation("Clearing handoff {Handoff}", handoff); // leak TC1001 logging-objects
            return ticket;
        }
        catch (AgentUnavailableException ex)
        {
            logger.LogError(ex, "No clearing adviser free"); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogClearingbotOperationFailedEvent("clearing", "no-agent", clearingbotNote: $"no adviser for {handoff.ApplicantName}"); // leak TC1001 generated-api
            throw;
        }
    }

    internal static async Task<object> RecordSurveyAnswer(CsatResponse response, ISurveyStore surveys, ILogger<CsatResponse> logger)
    {
        await surveys.SaveAsync(response);
        Activity.Current?.SetTag("csat.survey_id", response.SurveyId); // clean precision-names
        Activity.Current?.SetTag("csat.score", response.Score); // clean precision-about
        Activity.Current?.SetTag("csat.has_comment", !string.IsNullOrWhiteSpace(response.Comment)); // clean precision-about
        Activity.Current?.SetTag("csat.comment", response.Comment); // leak TC1001 direct
        SurveyAnswers.Add(1, new KeyValuePair<string, object?>("score", response.Score), new KeyValuePair<string, object?>("channel", response.Channel)); // clean precision-names
        logger.LogInformation("CSAT answer {Response}", response); // leak TC1001 logging-objects
        logger.LogInformation("CSAT answer {ResponseId} scored {Score} on {Channel}", response.ResponseId, response.Score, response.Channel); // clean precision-names
        logger.LogInformation("CSAT from {RespondentEmail}", response.RespondentEmail); // leak TC1001 direct

        var all = await surveys.GetResponsesAsync(response.SurveyId);
        var summary = new SurveySummary(response.SurveyId, all.Count, all.Average(r => r.Score), all.Count(r => r.Score <= 2));
        logger.LogInformation("Survey totals {@Summary}", summary); // clean logging-objects
        logger.LogInformation("Survey response ids {ResponseIds}", all.Select(r => r.ResponseId).ToList()); // clean logging-objects
        logger.LogInformation("Survey respondents {Respondents}", string.Join(", ", all.Select(r => r.RespondentEmail))); // leak TC1001 strings
        return summary;
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Answered {Intent} for {ApplicantEmail}")]
    private static partial void LogAnswered(ILogger logger, string intent, [PrivateData] string applicantEmail);
}
