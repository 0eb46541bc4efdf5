namespace PrivacyHoldout88.Healthcare;

public interface IAdtResender
{
    Task<int> ResendAsync(string hospitalNumber, CancellationToken cancellationToken);
}

/// <summary>Thrown by the ADT resender; the interface engine's message names the patient's hospital number.</summary>
public sealed class AdtResendException(string hospitalNumber, string reason)
    : Exception($"Resend of ADT for {hospitalNumber} failed: {reason}");

/// <summary>
/// The clinical systems team's bot endpoint. Commands: <c>/epr oncall</c>, <c>/epr ack &lt;incident&gt;</c>,
/// <c>/epr resend-adt &lt;hospital number&gt;</c>.
/// </summary>
[ApiController]
[Route("chatops/epr")]
public sealed class EprChatOpsBot(
    IOnCallDirectory rota,
    IAdtResender resender,
    IChatWebhook chat,
    Pseudonymizer pseudonymizer,
    AlertingOptions options,
    ILogger<EprChatOpsBot> logger) : ControllerBase
{
    private static readonly string[] Verbs = ["oncall", "ack", "resend-adt", "help"];

    [HttpPost("")]
    public async Task<ActionResult> Receive([FromBody] SlashCommand command, CancellationToken cancellationToken)
    {
        var parsed = ParsedCommand.Parse(command.Text);
        var span = Activity.Current.EnrichClinicpageCommand(Verbs.Contains(parsed.Verb) ? parsed.Verb : "unknown");
        span.SetClinicpageChannel(command.ChannelId); // clean precision-names
        logger.LogInformation("Command {Command} {Text} from {User}", command.Command, command.Text, command.UserName); // leak TC1001 direct
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["chat.user"] = command.UserId, ["chat.channel"] = command.ChannelId }); // leak TC1001 direct
        logger.LogDebug("Parsed {Parsed} with {ArgCount} arguments", parsed, parsed.Args.Count); // leak TC1001 logging-objects

        switch (parsed.Verb)
        {
            case "oncall":
                var shift = await rota.WhoIsOnCallAsync(options.OnCallScheduleId, 1, cancellationToken);
                logger.LogInformation("On call for EPR: {Name} {Phone}", shift?.Responder.Name, shift?.Responder.Phone); // leak TC1001 direct
                Activity.Current?.SetTag("oncall.schedule", options.OnCallScheduleId); // clean precision-names
                return Ok($"{shift?.Responder.Name} ({PhoneMask.Mask(shift?.Responder.Phone ?? "")}) until {shift?.End:t}");

            case "ack":
                var incidentId = parsed.Arg(0);
                span.SetClinicpageIncidentId(incidentId); // clean precision-names
                span.SetClinicpageClinicianId(pseudonymizer.PseudonymizeClinicpageClinicianId(command.UserId)); // clean precision-pseudonym
                return Ok($"Acknowledged {incidentId}");

            case "resend-adt":
                var hospitalNumber = parsed.Arg(0);
                Activity.Current?.SetTag("epr.resend.target", hospitalNumber); // leak TC1001 direct
                try
                {
                    var sent = await resender.ResendAsync(hospitalNumber, cancellationToken);
                    logger.LogInformation("Resent {Messages} ADT messages", sent); // clean precision-about
                    await chat.PostAsync(new ChatMessage { Channel = command.ChannelId, Text = $"{Mention.User(command.UserId)} resent {sent} messages" }, cancellationToken);
                    return Ok();
                }
                catch (AdtResendException ex)
                {
                    Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                    logger.LogClinicpagePageFailedEvent("epr-adt", "resend-failed", clinicpagePatientId: pseudonymizer.PseudonymizeClinicpagePatientId(hospitalNumber), clinicpageNote: ex.GetType().Name); // clean precision-pseudonym
                    return BadRequest("resend failed");
                }

            default:
                var unknown = new UnknownCommandException(parsed.Verb);
                Activity.Current?.AddException(unknown); // leak TC1001 exceptions
                logger.LogWarning("Unknown verb; first argument length {Length}", parsed.Arg(0).Length); // clean precision-about
                return BadRequest(unknown.Message);
        }
    }

    [HttpPost("interactions")]
    public ActionResult Interaction([FromBody] InteractionPayload payload)
    {
        Activity.Current?.SetTag("chat.action", payload.ActionId); // clean precision-names
        logger.LogInformation("Button {Action} pressed: {Payload}", payload.ActionId, payload); // leak TC1001 logging-objects
        return Ok();
    }
}
