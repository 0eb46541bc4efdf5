namespace PrivacyHoldout88.Gaming;

public interface IPlayerAdmin
{
    Task<Guid?> FindByGamertagAsync(string gamertag, CancellationToken cancellationToken);

    Task BanAsync(Guid playerId, string reason, TimeSpan duration, CancellationToken cancellationToken);

    Task GrantAsync(Guid playerId, string sku, CancellationToken cancellationToken);
}

/// <summary>Thrown when a player cannot be found; quotes the gamertag searched for.</summary>
public sealed class PlayerNotFoundException(string gamertag) : Exception($"No player with gamertag '{gamertag}'");

/// <summary>
/// The live-ops bot in the community team's workspace: <c>/live ban &lt;gamertag&gt; &lt;days&gt; &lt;reason…&gt;</c>,
/// <c>/live grant &lt;gamertag&gt; &lt;sku&gt;</c>, and the ban buttons of the anti-cheat review cards.
/// </summary>
public sealed class LiveOpsBot(IPlayerAdmin players, Pseudonymizer pseudonymizer, Meter meter, ILogger<LiveOpsBot> logger)
{
    private readonly Counter<long> _actions = meter.CreateCounter<long>("arenapage.liveops.actions", "{action}");

    public async Task<ActionResult> OnCommandAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var parsed = ParsedCommand.Parse(command.Text);
        var span = Activity.Current.EnrichArenapageCommand(parsed.Verb == "ban" || parsed.Verb == "grant" ? parsed.Verb : "other");
        span.SetArenapageResponderId(pseudonymizer.PseudonymizeArenapageResponderId(command.UserId)); // clean precision-pseudonym
        Activity.Current?.SetBaggage("liveops.moderator", command.UserName); // leak TC1001 direct

        var gamertag = parsed.Arg(0);
        try
        {
            var playerId = await players.FindByGamertagAsync(gamertag, cancellationToken) ?? throw new PlayerNotFoundException(gamertag);
            span.SetArenapagePlayerId(pseudonymizer.PseudonymizeArenapagePlayerId(playerId.ToString())); // clean precision-pseudonym
            if (parsed.Verb == "ban")
            {
                var days = int.Parse(parsed.Arg(1), CultureInfo.InvariantCulture);
                var reason = string.Join(' ', parsed.Args.Skip(2));
                await players.BanAsync(playerId, reason, TimeSpan.FromDays(days), cancellationToken);
                logger.LogWarning("{Moderator} banned {Gamertag} for {Days} days: {Reason}", command.UserName, gamertag, days, reason); // leak TC1001 direct
                _actions.Add(1, new KeyValuePair<string, object?>("action", "ban"), new KeyValuePair<string, object?>("days", days)); // clean precision-about
            }
            else if (parsed.Verb == "grant")
            {
                var sku = parsed.Arg(1);
                await players.GrantAsync(playerId, sku, cancellationToken);
                logger.LogInformation("Granted {Sku} to player {PlayerId}", sku, playerId); // leak TC1001 direct
                _actions.Add(1, new KeyValuePair<string, object?>("action", "grant"), new KeyValuePair<string, object?>("sku", sku)); // clean precision-names
            }
        }
        catch (PlayerNotFoundException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogInformation("Lookup failed ({Type}), gamertag length {Length}", ex.GetType().Name, gamertag.Length); // clean precision-about
            return NotFoundResultFor(command);
        }

        return new OkResult(null);
    }

    public async Task OnButtonAsync(InteractionPayload click, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope("Interaction {ActionId} by {User}", click.ActionId, click.UserName); // leak TC1001 direct
        if (click.ActionId == "confirm-ban" && Guid.TryParse(click.Value, out var playerId))
        {
            await players.BanAsync(playerId, "anti-cheat review", TimeSpan.FromDays(14), cancellationToken);
            logger.LogWarning("Ban confirmed from review card, value {Value}", click.Value); // leak TC1001 direct
        }

        logger.LogInformation("Interaction in channel {Channel}", click.ChannelId); // clean precision-names
    }

    private static ActionResult NotFoundResultFor(SlashCommand command) => new NotFoundResult($"nothing found for {command.Text}");
}
