namespace PrivacyHoldout150.Gaming;

public interface IFriendGraph
{
    Task<IReadOnlyList<FriendSuggestion>> SuggestAsync(Guid playerId, int take, CancellationToken cancellationToken = default);

    Task<FriendSuggestion?> ByFriendCodeAsync(string friendCode, CancellationToken cancellationToken = default);

    Task AddAsync(Guid playerId, Guid friendId, CancellationToken cancellationToken = default);
}

/// <summary>Suggests players to befriend (mutual friends, same squad history) and adds friends by friend code.</summary>
[ApiController]
[Route("api/friends")]
public sealed class FriendFinderController(
    IFriendGraph graph,
    Pseudonymizer pseudonymizer,
    ILogger<FriendFinderController> logger,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("Lobby.Friends");
    private readonly Counter<long> _suggestionsShown = meter.CreateCounter<long>("lobby.friend.suggestions");

    [HttpGet("suggestions")]
    public async Task<ActionResult> Suggestions(Guid playerId, int take = 10)
    {
        using var activity = Source.StartActivity("friends.suggest");
        var list = await graph.SuggestAsync(playerId, take);
        activity?.SetTag("friends.suggestion.count", list.Count); // clean precision-about
        activity?.SetTag("friends.requester", pseudonymizer.ComputeLobbyPlayerId(playerId.ToString())); // clean precision-pseudonym
        activity?.SetTag("friends.top_mutuals", list.Count == 0 ? 0 : list.Max(s => s.MutualFriends)); // clean precision-about
        activity?.SetTag("friends.suggested", string.Join(";", list.Select(s => s.Gamertag))); // leak TC1001 strings
        _suggestionsShown.Add(list.Count, new KeyValuePair<string, object?>("friends.requester", pseudonymizer.ComputeLobbyPlayerId(playerId.ToString()))); // leak TC1003 precision-pseudonym
        foreach (var suggestion in list.Where(s => s.MutualFriends > 20))
        {
            logger.LogInformation("Strong suggestion {@Suggestion}", suggestion); // leak TC1001 logging-objects
        }

        return Ok(list);
    }

    [HttpPost("by-code")]
    public async Task<ActionResult> AddByCode(Guid playerId, [FromBody] string friendCode)
    {
        using var activity = Source.StartActivity("friends.add_by_code");
        activity?.SetTag("friends.code.length", friendCode.Length); // clean precision-about
        activity?.SetTag("friends.code", friendCode); // leak TC1001 direct
        var friend = await graph.ByFriendCodeAsync(friendCode);
        if (friend is null)
        {
            logger.LogInformation("No player has friend code {FriendCode}", friendCode); // leak TC1001 direct
            activity?.SetStatus(ActivityStatusCode.Error, "friend code not found"); // clean direct
            return NotFound();
        }

        await graph.AddAsync(playerId, friend.PlayerId);
        activity?.AddEvent(new ActivityEvent("friends.added", tags: new ActivityTagsCollection { ["friends.friend.id"] = friend.PlayerId })); // leak TC1001 direct
        activity?.SetBaggage("friends.added_gamertag", friend.Gamertag); // leak TC1001 direct
        activity?.SetBaggage("friends.added_player", pseudonymizer.ComputeLobbyPlayerId(friend.PlayerId.ToString())); // clean precision-pseudonym
        logger.LogInformation("Friend added through code ({MutualFriends} mutuals)", friend.MutualFriends); // clean precision-about
        return Ok();
    }
}
