using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Mapster;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PrivacyHoldout62.Support;
using PrivacyHoldout62.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout62.Gaming;

public static class ProfilesTelemetry
{
    public static readonly ActivitySource Source = new("Studio.Profiles.Api");

    public static readonly Meter Meter = new("Studio.Profiles.Api");

    public static readonly ProfilesPurchasesCounter Purchases = Meter.CreateProfilesPurchasesCounter();

    public static readonly Counter<long> ProfileUpdates = Meter.CreateCounter<long>("profiles.updates", "{update}");
}

public sealed class PlayerProfile
{
    public Guid PlayerId { get; init; }

    public required string Gamertag { get; set; }

    public required string Email { get; init; }

    public string Region { get; set; } = "eu-west";

    public string Platform { get; set; } = "pc";

    public int Level { get; set; }

    public List<Guid> Friends { get; } = new();
}

public sealed record PlayerProfileDto(string Gamertag, string Region, string Platform, int Level, int FriendCount);

public sealed record UpdateProfileRequest(string? Gamertag, string? Region, bool? ShowOnLeaderboards);

public sealed record PlayerSearchQuery : PageRequest
{
    public string? Gamertag { get; init; }

    public string? Region { get; init; }
}

public interface IPlayerProfileRepository
{
    Task<PlayerProfile?> GetAsync(Guid playerId, CancellationToken cancellationToken);

    Task<PagedList<PlayerProfileDto>> SearchAsync(PlayerSearchQuery query, CancellationToken cancellationToken);

    Task SaveAsync(PlayerProfile profile, CancellationToken cancellationToken);
}

public sealed class ProfileEndpointsLog;

public static class ProfileEndpoints
{
    public static void MapProfileEndpoints(this IEndpointRouteBuilder app)
    {
        var players = app.MapGroup("/api/players").WithTags("Players");
        players.MapGet("/{playerId:guid}/profile", GetProfileAsync);
        players.MapPut("/me/profile", UpdateProfileAsync);
        players.MapGet("/search", SearchAsync);
        players.MapPost("/me/friends/{friendGamertag}", SendFriendRequestAsync);
    }

    private static async Task<IResult> GetProfileAsync(Guid playerId, IPlayerProfileRepository profiles, ILogger<ProfileEndpointsLog> logger, CancellationToken cancellationToken)
    {
        var cacheKey = $"profile:{playerId:N}";
        logger.LogDebug("Profile cache miss for {CacheKey}", cacheKey); // leak TC1001 strings
        var profile = await profiles.GetAsync(playerId, cancellationToken);
        if (profile is null)
        {
            logger.LogInformation("Profile {PlayerId} not found", playerId); // leak TC1001 direct
            return Results.NotFound();
        }

        var dto = profile.Adapt<PlayerProfileDto>();
        logger.LogDebug("Profile read: level {Level}, {FriendCount} friends, region {Region}", dto.Level, profile.Friends.Count, dto.Region); // clean precision-about
        logger.LogDebug("Profile payload {Profile}", dto); // leak TC1001 logging-objects
        Activity.Current?.SetTag("profiles.shard", $"{dto.Region}/{dto.Platform}"); // clean strings
        return Results.Ok(dto);
    }

    private static async Task<IResult> UpdateProfileAsync(UpdateProfileRequest request, ClaimsPrincipal user, IPlayerProfileRepository profiles, Pseudonymizer pseudonymizer, ILogger<ProfileEndpointsLog> logger, CancellationToken cancellationToken)
    {
        var playerId = Guid.Parse(user.FindFirst("sub")!.Value);
        var profile = await profiles.GetAsync(playerId, cancellationToken);
        if (profile is null)
        {
            return Results.NotFound();
        }

        var changed = new List<string>();
        if (request.Gamertag is { } gamertag && gamertag != profile.Gamertag)
        {
            logger.LogInformation("Gamertag changed from {OldGamertag} to {NewGamertag}", profile.Gamertag, gamertag); // leak TC1001 direct
            profile.Gamertag = gamertag;
            changed.Add(nameof(PlayerProfile.Gamertag));
        }

        if (request.Region is { } region && region != profile.Region)
        {
            logger.LogInformation("Region changed from {OldRegion} to {NewRegion}", profile.Region, region); // clean direct
            profile.Region = region;
            changed.Add(nameof(PlayerProfile.Region));
        }

        await profiles.SaveAsync(profile, cancellationToken);
        logger.LogInformation("Profile of {PlayerRef} updated: {ChangedFields}", pseudonymizer.ComputeProfilesPlayerId(playerId.ToString()), string.Join(",", changed)); // clean precision-pseudonym
        ProfilesTelemetry.ProfileUpdates.Add(1, new KeyValuePair<string, object?>("fields", changed.Count), new KeyValuePair<string, object?>("platform", profile.Platform)); // clean precision-about
        return Results.NoContent();
    }

    private static async Task<IResult> SearchAsync([AsParameters] PlayerSearchQuery query, IPlayerProfileRepository profiles, ILogger<ProfileEndpointsLog> logger, CancellationToken cancellationToken)
    {
        logger.LogInformation("Player search for {Gamertag} in {Region}, sort {SortBy}", query.Gamertag, query.Region, query.SortBy); // leak TC1001 direct
        var page = await profiles.SearchAsync(query with { PageSize = Math.Min(query.PageSize, 20) }, cancellationToken);
        Activity.Current?.SetTag("players.search.results", page.TotalCount);
        Activity.Current?.SetTag("players.search.top", string.Join(",", page.Items.Take(3).Select(p => p.Gamertag))); // leak TC1001 strings
        return Results.Ok(page);
    }

    private static async Task<IResult> SendFriendRequestAsync(string friendGamertag, ClaimsPrincipal user, ISender sender, ILogger<ProfileEndpointsLog> logger, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new SendFriendRequestCommand(Guid.Parse(user.FindFirst("sub")!.Value), friendGamertag), cancellationToken);
        if (!result.IsSuccess)
        {
            logger.LogWarning("Friend request refused: {ErrorCode}", result.Error.Code); // clean precision-names
            logger.LogWarning("Friend request refused: {Error}", result.Error); // leak TC1001 logging-objects
            return Results.Conflict(result.Error);
        }
        return Results.Ok(result.Value);
    }
}
