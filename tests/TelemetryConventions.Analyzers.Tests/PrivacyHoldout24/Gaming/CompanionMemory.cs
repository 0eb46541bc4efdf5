using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using PrivacyHoldout24.Support.Caching;
using PrivacyHoldout24.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout24.Gaming;

public sealed record CompanionFact(string Topic, string Fact, DateTimeOffset LearnedAt);

public sealed record CompanionMemorySnapshot(Guid PlayerId, string CompanionName, IReadOnlyList<CompanionFact> Facts, int Affinity);

/// <summary>
/// The in-game companion's memory of a player: after each session a model condenses the session's chat
/// into a few facts ("prefers stealth", "lost to the Warden twice"), kept in Redis under the player.
/// </summary>
public sealed class CompanionMemory(
    IChatClient chatClient,
    IDistributedCache redis,
    Pseudonymizer pseudonymizer,
    ILogger<CompanionMemory> logger)
{
    private const string Model = "gpt-4o-mini-2024-07-18";

    private static readonly HashSet<string> Topics = new(StringComparer.OrdinalIgnoreCase) { "combat", "stealth", "story", "exploration", "crafting", "social" };

    private static string KeyFor(Guid playerId) => $"companion:memory:{playerId:N}";

    public async Task<CompanionMemorySnapshot> LoadAsync(Guid playerId, string companionName, CancellationToken cancellationToken)
    {
        var key = KeyFor(playerId);
        var json = await redis.GetStringAsync(key, cancellationToken);
        var snapshot = json is null
            ? new CompanionMemorySnapshot(playerId, companionName, [], 0)
            : JsonSerializer.Deserialize<CompanionMemorySnapshot>(json)!;

        Activity.Current?.SetTag("companion.memory.facts", snapshot.Facts.Count); // clean precision-about
        logger.LogDebug("Loaded companion memory of {PlayerId} with affinity {Affinity}", playerId, snapshot.Affinity); // leak TC1001 direct
        Activity.Current?.SetTag("companion.memory.key", key); // leak TC1001 cross-member
        OpenTelemetry.Baggage.SetBaggage("companion.player", pseudonymizer.ComputeAssistantSubjectId(playerId.ToString())); // clean precision-pseudonym
        return snapshot;
    }

    public async Task CondenseAsync(CompanionMemorySnapshot memory, IReadOnlyList<ChatMessage> sessionChat, CancellationToken cancellationToken)
    {
        var response = await chatClient.GetResponseAsync(
            [
                new ChatMessage(ChatRole.System, $"From this game session chat, list at most five short facts about the player's play style and story progress, one per line as topic: fact, where topic is one of {string.Join(", ", Topics)}."),
                .. sessionChat,
            ],
            new ChatOptions { ModelId = Model, Temperature = 0.3f },
            cancellationToken);

        var learned = response.Text
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && Topics.Contains(parts[0].Trim()))
            .Select(parts => new CompanionFact(parts[0].Trim().ToLowerInvariant(), parts[1].Trim(), DateTimeOffset.UtcNow))
            .ToList();

        var updated = memory with { Facts = [.. memory.Facts.TakeLast(20), .. learned] };
        logger.LogInformation("Companion {Companion} learned {Count} facts on topics {Topics}", memory.CompanionName, learned.Count, string.Join(",", learned.Select(f => f.Topic).Distinct())); // clean precision-about
        logger.LogDebug("Companion memory after condensing: {@Memory}", updated); // leak TC1001 logging-objects
        logger.LogDebug("Condensing used {Input} input and {Output} output tokens, finish {Finish}", response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount, response.FinishReason); // clean precision-about

        await redis.SetStringAsync(KeyFor(memory.PlayerId), JsonSerializer.Serialize(updated), new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromDays(90) }, cancellationToken); // clean direct
    }
}
