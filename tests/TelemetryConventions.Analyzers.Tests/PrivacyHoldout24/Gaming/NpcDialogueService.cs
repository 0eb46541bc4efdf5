using System.ClientModel;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using PrivacyHoldout24.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout24.Gaming;

public sealed record Npc(string Id, string Name, string Persona, string Zone);

public sealed record PlayerSession(Guid PlayerId, string Gamertag, string Region, int Level, string Platform);

/// <summary>
/// Streams the replies of non-player characters. Each NPC keeps the last turns of its conversation with
/// the player; the player's gamertag is in the system message so that the NPC can greet them.
/// </summary>
public sealed class NpcDialogueService(
    IChatClient chatClient,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<NpcDialogueService> logger)
{
    private static readonly ActivitySource Source = new("Arena.Npc");

    private const string Model = "gpt-4o-mini-2024-07-18";

    private const string NpcTemplate = "You are {0}, {1}, in {2}. Stay in character. Never mention real-world brands. The player is called {3}.";

    private readonly Dictionary<(Guid Player, string Npc), List<ChatMessage>> _conversations = new();

    public async IAsyncEnumerable<string> TalkAsync(PlayerSession session, Npc npc, string playerLine, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var systemPrompt = string.Format(NpcTemplate, npc.Name, npc.Persona, npc.Zone, session.Gamertag);
        if (!_conversations.TryGetValue((session.PlayerId, npc.Id), out var turns))
        {
            turns = [];
            _conversations[(session.PlayerId, npc.Id)] = turns;
            logger.LogDebug("New conversation with {Npc} using template {Template}", npc.Name, NpcTemplate); // clean strings
            logger.LogDebug("NPC system prompt: {SystemPrompt}", systemPrompt); // leak TC1001 strings
        }

        turns.Add(new ChatMessage(ChatRole.User, playerLine));
        logger.LogTrace("Player said to {Npc}: {PlayerLine}", npc.Name, playerLine); // leak TC1001 direct
        List<ChatMessage> messages = [new(ChatRole.System, systemPrompt), .. turns.TakeLast(12)];

        using var span = Source.StartAssistantCompletion(Model);
        span.SetAssistantFeature("npc-dialogue").SetAssistantMessageCount(messages.Count);
        span.SetAssistantSubjectId(pseudonymizer.PseudonymizeAssistantSubjectId(session.PlayerId.ToString())); // clean precision-pseudonym
        span.SetAssistantNote($"npc={npc.Id} zone={npc.Zone} turns={turns.Count}"); // clean generated-api

        var options = new ChatOptions
        {
            ModelId = Model,
            Temperature = 0.9f,
            MaxOutputTokens = 160,
            AdditionalProperties = new() { ["user"] = pseudonymizer.ComputeAssistantSubjectId(session.PlayerId.ToString()) },
        };

        var reply = new StringBuilder();
        ChatFinishReason? finish = null;
        await using var updates = chatClient.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        bool more;
        try
        {
            more = await updates.MoveNextAsync();
        }
        catch (ClientResultException ex) when (ex.Status == 429)
        {
            span.RecordException(ex, "rate limited", includeMessage: true); // clean exceptions
            more = false;
        }

        while (more)
        {
            finish ??= updates.Current.FinishReason;
            reply.Append(updates.Current.Text);
            yield return updates.Current.Text;
            more = await updates.MoveNextAsync();
        }

        turns.Add(new ChatMessage(ChatRole.Assistant, reply.ToString()));
        span.SetAssistantFinishReason(finish?.Value ?? "stop");
        if (finish == ChatFinishReason.Length)
        {
            span.SetAssistantNote($"reply to {session.Gamertag} cut at {options.MaxOutputTokens} tokens"); // leak TC1001 generated-api
        }

        meter.CreateAssistantRequestsCounter().Add(1, Model, assistantFeature: $"npc-dialogue:{session.Platform}", assistantFinishReason: finish?.Value); // clean precision-names
        logger.LogDebug("{Npc} replied {Characters} characters to the player's {PlayerCharacters}", npc.Name, reply.Length, playerLine.Length); // clean precision-about
    }
}
