using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout18.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout18.Gaming;

public sealed record ModerationVerdict(bool Allowed, string Category, double Score);

public interface IImageModerator
{
    Task<ModerationVerdict> ReviewAsync(Stream image, CancellationToken cancellationToken);
}

/// <summary>Stores avatars by player, so the CDN path of a player's avatar never changes.</summary>
public sealed class AvatarStore(BlobServiceClient blobs, ILogger<AvatarStore> logger)
{
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient("avatars");

    public async Task<Uri> SaveAsync(string playerId, Stream image, string contentType, CancellationToken cancellationToken)
    {
        var blob = _container.GetBlobClient($"{playerId}/avatar.webp");
        try
        {
            await blob.UploadAsync(image, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            logger.LogWarning(ex, "Avatar upload conflicted ({ErrorCode})", ex.ErrorCode); // clean exceptions
            throw;
        }

        return blob.Uri;
    }
}

public static class AvatarUploadEndpoint
{
    private const long PlayerAvatarMaxBytes = 2 * 1024 * 1024;

    public static async Task<IResult> UploadAsync(
        HttpContext http,
        IFormFile image,
        AvatarStore store,
        IImageModerator moderator,
        Pseudonymizer pseudonymizer,
        Meter meter,
        ILogger<AvatarStore> logger)
    {
        var playerId = http.User.FindFirst(ClaimTypes.NameIdentifier)!.Value;
        var gamertag = http.User.FindFirst("gamertag")?.Value;
        var span = Activity.Current.EnrichDocumentUpload("avatar").SetDocumentOwnerId(pseudonymizer.PseudonymizeDocumentOwnerId(playerId)); // clean precision-pseudonym
        Activity.Current?.SetTag("avatar.max_bytes", PlayerAvatarMaxBytes); // clean precision-names
        logger.LogInformation("Avatar upload by {Gamertag}: {ContentType}, {Length} bytes", gamertag, image.ContentType, image.Length); // leak TC1001 direct

        // form-data; name="image"; filename="<whatever the player's file was called>"
        Activity.Current?.SetTag("upload.disposition", image.ContentDisposition); // leak TC1001 strings
        Baggage.SetBaggage("avatar.player", playerId); // leak TC1001 direct

        if (image.Length > PlayerAvatarMaxBytes)
        {
            span.AddDocumentRejectedEvent($"too large: {image.Length} bytes"); // clean generated-api
            return Results.BadRequest("Avatars are limited to 2 MB.");
        }

        await using var stream = image.OpenReadStream();
        var verdict = await moderator.ReviewAsync(stream, http.RequestAborted);
        if (!verdict.Allowed)
        {
            span.AddDocumentRejectedEvent($"moderation: {verdict.Category} ({verdict.Score:F2})", image.ContentType); // clean precision-about
            logger.LogWarning("Avatar of player {PlayerId} rejected for {Category}", playerId, verdict.Category); // leak TC1001 direct
            meter.CreateDocumentUploadsCounter().Add(1, documentKind: "avatar", documentScanVerdict: DocumentScanVerdictValue.Custom($"moderated-{verdict.Category}")); // clean precision-about
            return Results.BadRequest("This image can't be used as an avatar.");
        }

        stream.Position = 0;
        var uri = await store.SaveAsync(playerId, stream, "image/webp", http.RequestAborted);
        Activity.Current?.SetTag("avatar.url", uri.ToString()); // leak TC1001 cross-member
        Activity.Current?.SetTag("avatar.host", uri.Host); // clean precision-about
        meter.CreateCounter<long>("avatar.changes").Add(1, new KeyValuePair<string, object?>("player.id", playerId)); // leak TC1003 direct
        return Results.Ok(new { url = uri });
    }
}
