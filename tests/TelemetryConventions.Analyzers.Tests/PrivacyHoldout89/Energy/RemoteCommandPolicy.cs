namespace PrivacyHoldout89.Energy;

/// <summary>A remote command an agent asks the head-end to send: disconnect, switch to prepay, change the credit limit.</summary>
public sealed record RemoteCommandRequest(string CommandId, string Kind, string MeterSerial, string AccountNumber);

/// <summary>The OPA input document of <c>data.grid.remote_commands</c>. Records: they print their members.</summary>
public sealed record CommandInput(CommandActor Actor, CommandAccount Account, string Command, string Region, int LocalHour);

public sealed record CommandActor(string StaffId, IReadOnlyList<string> Roles, string Team);

public sealed record CommandAccount(string Number, bool PriorityServices, bool WinterProtected, int DebtBand);

public interface IAccountDirectory
{
    Task<CommandAccount> GetAsync(string accountNumber, CancellationToken cancellationToken);
}

/// <summary>
/// Disconnections and prepay switches are checked in OPA, where the licence conditions are kept.
/// Its deny rules write messages for the agent, e.g.
/// <c>deny contains msg if { input.account.priority_services; msg := sprintf("account %s is on the Priority Services Register", [input.account.number]) }</c>
/// and <c>deny contains "outside_permitted_hours" if { input.local_hour &lt; 8 }</c>; obligations are codes
/// such as <c>"second_approval"</c>.
/// </summary>
public sealed class RemoteCommandPolicy(IOpaClient opa, IAccountDirectory accounts, ActivitySource source, Meter meter, ILogger<RemoteCommandPolicy> logger, Pseudonymizer pseudonymizer)
{
    public async Task<PolicyDecision> EvaluateAsync(ClaimsPrincipal agent, RemoteCommandRequest command, string region, CancellationToken cancellationToken)
    {
        var staffId = agent.FindFirstValue("staff_id")!;
        var account = await accounts.GetAsync(command.AccountNumber, cancellationToken);
        var input = new CommandInput(
            new CommandActor(staffId, agent.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(), agent.FindFirstValue("team") ?? "unknown"),
            account,
            command.Kind,
            region,
            DateTime.UtcNow.Hour);

        using var span = source.StartGridauthzRelationCheck("remote_command", "meter");
        span.SetGridauthzActorId(pseudonymizer.PseudonymizeGridauthzActorId(staffId)); // clean precision-pseudonym
        logger.LogDebug("Evaluating {Command} for a debt band {DebtBand} account, PSR {Psr}, team {Team}", command.Kind, account.DebtBand, account.PriorityServices, input.Actor.Team); // clean precision-about
        logger.LogDebug("OPA input account {Account}", input.Account); // leak TC1001 logging-objects
        logger.LogDebug("OPA input actor {@Actor}", input.Actor); // leak TC1001 logging-objects

        OpaResponse<PolicyDecision> response;
        try
        {
            response = await opa.EvaluateAsync<CommandInput, PolicyDecision>("grid/remote_commands", input, cancellationToken);
        }
        catch (OpaEvaluationException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return PolicyDecision.DenyAll("policy_error");
        }

        var decision = response.Result ?? PolicyDecision.DenyAll("no_result");
        span.SetGridauthzDecision(decision.Allow ? "allow" : "deny");
        span.SetGridauthzDecisionId(response.DecisionId ?? "none"); // clean precision-names
        Activity.Current?.SetTag("opa.obligations", string.Join(",", decision.Obligations)); // clean precision-names
        Activity.Current?.SetTag("opa.deny", string.Join(" | ", decision.Deny)); // leak TC1001 strings
        Activity.Current?.SetTag("opa.deny.count", decision.Deny.Count); // clean precision-about
        logger.LogInformation("Remote {Command} {CommandId}: {@Decision}", command.Kind, command.CommandId, decision); // clean logging-objects
        meter.CreateGridauthzDecisionsCounter().Add(1, gridauthzPolicy: "RemoteCommand", gridauthzDecision: decision.Allow ? "allow" : "deny"); // clean precision-about
        var psrBlocked = decision.Deny.Any(d => d.Contains("Priority Services", StringComparison.Ordinal));
        meter.CreateGridauthzDecisionsCounter().Add(1, gridauthzPolicy: "RemoteCommand:" + command.Kind, gridauthzDecision: decision.Deny.FirstOrDefault() ?? "allow"); // leak TC1003 generated-api
        if (!decision.Allow)
        {
            logger.LogWarning("Remote {Command} refused: {FirstReason}", command.Kind, decision.Deny.FirstOrDefault()); // leak TC1001 strings
            logger.LogGridauthzAccessDeniedEvent("RemoteCommand", psrBlocked ? "priority_services" : "policy", gridauthzSubjectId: pseudonymizer.PseudonymizeGridauthzSubjectId(command.MeterSerial), gridauthzNote: $"command {command.CommandId}, {decision.Deny.Count} deny rules, obligations {string.Join("/", decision.Obligations)}"); // clean generated-api
        }
        return decision;
    }
}
