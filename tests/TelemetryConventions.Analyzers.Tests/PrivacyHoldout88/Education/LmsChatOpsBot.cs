using OpenTelemetry;

namespace PrivacyHoldout88.Education;

public interface IIdentityAdmin
{
    Task ResetMfaAsync(string login, CancellationToken cancellationToken);

    Task<string?> FindLoginAsync(string studentNumber, CancellationToken cancellationToken);
}

/// <summary>Thrown by the identity admin API; quotes the login it could not find.</summary>
public sealed class LoginNotFoundException(string login) : Exception($"No account with login {login}");

/// <summary>
/// The service desk's slash commands: <c>/lms reset-mfa &lt;login&gt;</c>, <c>/lms whois &lt;student number&gt;</c>,
/// <c>/lms oncall</c>. Analysts type them in the service desk channel.
/// </summary>
public sealed partial class LmsChatOpsBot(
    IIdentityAdmin identity,
    IOnCallDirectory rota,
    Pseudonymizer pseudonymizer,
    AlertingOptions options,
    Meter meter,
    ILogger<LmsChatOpsBot> logger)
{
    private readonly Counter<long> _commands = meter.CreateCounter<long>("campuspage.chatops.commands", "{command}");

    public void Map(EndpointRoutes routes) => routes.MapPost("/chatops/lms", HandleAsync);

    private async Task<ActionResult> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var parsed = ParsedCommand.Parse(command.Text);
        var verb = parsed.Verb is "reset-mfa" or "whois" or "oncall" ? parsed.Verb : "other";
        var span = Activity.Current.EnrichCampuspageCommand(verb);
        _commands.Add(1, new KeyValuePair<string, object?>("verb", verb), new KeyValuePair<string, object?>("team", command.TeamId)); // clean precision-names
        _commands.Add(1, new KeyValuePair<string, object?>("analyst", command.UserName)); // leak TC1003 direct
        Baggage.SetBaggage("chatops.channel", command.ChannelId); // clean precision-names
        LogCommand(logger, command); // leak TC1001 logging-objects

        if (parsed.Verb == "reset-mfa")
        {
            var login = parsed.Arg(0);
            try
            {
                await identity.ResetMfaAsync(login, cancellationToken);
                LogMfaReset(logger, login, command.UserName); // leak TC1001 direct
                Activity.Current?.SetTag("login.domain", login.Contains('@') ? login[(login.IndexOf('@') + 1)..] : "none"); // clean precision-about
            }
            catch (LoginNotFoundException ex)
            {
                logger.LogWarning(ex, "reset-mfa failed"); // leak TC1001 exceptions
                return new BadRequestResult("not found");
            }
        }
        else if (parsed.Verb == "whois")
        {
            var studentNumber = parsed.Arg(0);
            span.SetCampuspageStudentId(pseudonymizer.PseudonymizeCampuspageStudentId(studentNumber)); // clean precision-pseudonym
            var login = await identity.FindLoginAsync(studentNumber, cancellationToken);
            logger.LogInformation("whois {StudentNumber} -> {Login}", studentNumber, login); // leak TC1001 direct
            logger.LogInformation("whois found an account: {Found}", login is not null); // clean precision-about
        }
        else if (parsed.Verb == "oncall")
        {
            var shift = await rota.WhoIsOnCallAsync(options.OnCallScheduleId, 1, cancellationToken);
            span.SetCampuspageResponderId(pseudonymizer.PseudonymizeCampuspageResponderId(shift!.Responder.StaffId)); // clean precision-pseudonym
            logger.LogInformation("On call until {End}: {Mention}", shift.End, Mention.User(shift.Responder.ChatMemberId)); // leak TC1001 strings
            logger.LogInformation("On-call schedule {Schedule} level {Level}", shift.ScheduleId, shift.Level); // clean precision-names
        }

        return new OkResult(null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ChatOps command {Command}")]
    private static partial void LogCommand(ILogger logger, SlashCommand command);

    [LoggerMessage(Level = LogLevel.Information, Message = "MFA reset for {Login} by {Analyst}")]
    private static partial void LogMfaReset(ILogger logger, string login, string analyst);
}
