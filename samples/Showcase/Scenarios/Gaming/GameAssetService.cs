using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using TelemetryConventions.Samples.Telemetry;

namespace TelemetryConventions.Samples.Scenarios.Gaming;

/// <summary>
/// 3.3 Game asset service: loading a scene loads its models, textures and sounds; one scene's sound
/// bank is corrupt.
/// </summary>
/// <remarks>
/// The seed counted each kind in its own attribute (<c>assets.models_count</c>, …). Here each kind
/// is a child span <c>assets.load</c> with the <c>game.asset.kind</c> enum and a count, and load
/// times are histograms per scene and per kind.
/// </remarks>
public sealed class GameAssetService : IScenario
{
    private static readonly string[] Scenes = ["hub_city", "level_03", "boss_arena"];

    // The last scene's sound bank fails its checksum: a deterministic failure path.
    private const string CorruptScene = "boss_arena";

    /// <inheritdoc/>
    public string Id => "3.3";

    /// <inheritdoc/>
    public string Name => "game-asset-service";

    /// <inheritdoc/>
    public string Industry => "gaming";

    /// <inheritdoc/>
    public string Summary => "Scene loads with one child span per asset kind and load-time histograms; one scene's sound bank is corrupt.";

    /// <inheritdoc/>
    public void Run(ScenarioContext ctx)
    {
        foreach (var scene in Scenes)
        {
            LoadScene(ctx, scene);
            ctx.Clock.AdvanceSeconds(ctx.Between(20, 90));
        }
    }

    private static void LoadScene(ScenarioContext ctx, string sceneId)
    {
        using var scene = ctx.Source.StartAssetsLoadScene(sceneId, startTime: ctx.Clock.Now);
        using var ends = ctx.Clock.EndsSpan(scene.Activity);
        var started = ctx.Clock.Now;

        long total = 0;
        var failed = false;
        foreach (var (kind, min, max, secondsEach) in new[]
        {
            (GameAssetKind.Model, 40, 160, 0.004),
            (GameAssetKind.Texture, 120, 420, 0.002),
            (GameAssetKind.Sound, 20, 90, 0.003),
        })
        {
            var count = ctx.Random.Next(min, max);
            total += count;
            if (!LoadKind(ctx, kind, count, secondsEach, corrupt: sceneId == CorruptScene && kind == GameAssetKind.Sound))
            {
                failed = true;
                break;
            }
        }

        scene.SetGameAssetCount(total);
        var seconds = (ctx.Clock.Now - started).TotalSeconds;
        if (failed)
        {
            // The scene cannot be entered with a missing sound bank; the cause is on the child span.
            scene.SetErrorType(ErrorType.Other).SetStatus(ActivityStatusCode.Error, "an asset kind failed to load");
            ctx.Meter.CreateGameSceneLoadDurationHistogram().Record(seconds, sceneId, ErrorType.Other);
            return;
        }
        ctx.Meter.CreateGameSceneLoadDurationHistogram().Record(seconds, sceneId);
    }

    private static bool LoadKind(ScenarioContext ctx, GameAssetKind kind, int count, double secondsEach, bool corrupt)
    {
        using var load = ctx.Source.StartAssetsLoad(kind, startTime: ctx.Clock.Now).SetGameAssetCount(count);
        using var ends = ctx.Clock.EndsSpan(load.Activity);
        var started = ctx.Clock.Now;
        try
        {
            ctx.Clock.AdvanceSeconds(count * secondsEach * ctx.Between(0.7, 1.4));
            Verify(corrupt);
            ctx.Meter.CreateGameAssetLoadDurationHistogram().Record((ctx.Clock.Now - started).TotalSeconds, kind);
            return true;
        }
        catch (AssetCorruptException ex)
        {
            load.RecordException(ex, "asset bundle failed its checksum");
            ctx.Meter.CreateGameAssetLoadDurationHistogram().RecordFailure((ctx.Clock.Now - started).TotalSeconds, ex, kind);
            return false;
        }
    }

    private static void Verify(bool corrupt)
    {
        if (corrupt)
        {
            throw new AssetCorruptException("CRC32 mismatch in sounds.bank.");
        }
    }
}

/// <summary>An asset bundle failed its integrity check.</summary>
public sealed class AssetCorruptException(string message) : Exception(message);
