using LaunchDarkly.Sdk;
using LaunchDarkly.Sdk.Server;

namespace PrivacyHoldout115.Gaming;

public sealed record KillSwitchRequest(string Feature, string Reason, bool Engage);

/// <summary>
/// The live-ops console's kill switches for the in-game store (bundles, gifting, the premium currency
/// shop): engaging one turns the LaunchDarkly flag off and records who did it; a flag listener logs
/// changes as they reach the game servers.
/// </summary>
[ApiController]
[Route("liveops/kill-switches")]
public sealed class StoreKillSwitchController : ControllerBase
{
    private static readonly ActivitySource Source = new("Studio.LiveOps.KillSwitch");

    private readonly IFlagStore _store;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<StoreKillSwitchController> _logger;

    public StoreKillSwitchController(ILdClient ld, IFlagStore store, Pseudonymizer pseudonymizer, ILogger<StoreKillSwitchController> logger)
    {
        _store = store;
        _pseudonymizer = pseudonymizer;
        _logger = logger;
        ld.FlagTracker.FlagChanged += (_, e) => _logger.LogInformation("Flag {Flag} changed upstream", e.Key); // clean precision-names
    }

    [HttpPost]
    public async Task<ActionResult> SetAsync([FromBody] KillSwitchRequest request, CancellationToken ct)
    {
        var operatorEmail = HttpContext.User.Email ?? "unknown";
        var operatorId = HttpContext.User.SubjectId ?? "unknown";
        var killSwitch = new KillSwitch(request.Feature, request.Engage, request.Reason, operatorEmail, request.Engage ? DateTimeOffset.UtcNow : null);
        await _store.SaveKillSwitchAsync(killSwitch, ct);

        using var span = Source.StartGameflagChange(request.Feature).SetGameflagOutcome(request.Engage ? "killed" : "restored"); // clean generated-api
        span.SetGameflagOperatorId(_pseudonymizer.PseudonymizeGameflagOperatorId(operatorId)); // clean precision-pseudonym
        span.SetGameflagNote(request.Reason); // clean generated-api
        Activity.Current?.SetTag("killswitch.engaged_by", killSwitch.EngagedBy); // leak TC1001 cross-member
        Activity.Current?.SetBaggage("liveops.operator", operatorId); // leak TC1001 direct
        _logger.LogWarning("Kill switch {Feature} set to {Engaged} by {Operator}", request.Feature, request.Engage, _pseudonymizer.ComputeGameflagOperatorId(operatorId)); // clean precision-pseudonym
        _logger.LogWarning("Kill switch state {@KillSwitch}", killSwitch); // leak TC1001 logging-objects
        _logger.LogWarning("Kill switch request {Request}", request); // clean logging-objects
        return Ok();
    }

    public void OnPurchaseBlocked(Guid playerId, string feature)
    {
        var ex = new KillSwitchEngagedException(feature, "store maintenance");
        Activity.Current?.AddException(ex); // clean exceptions
        _logger.LogInformation("Purchase by {Player} blocked: {Message}", playerId, ex.Message); // leak TC1001 direct
        Activity.Current?.SetTag("store.blocked_feature", ex.Feature); // clean precision-names
    }
}
