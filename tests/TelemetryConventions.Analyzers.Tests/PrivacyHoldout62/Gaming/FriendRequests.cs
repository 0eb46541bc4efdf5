using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout62.Support;
using PrivacyHoldout62.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout62.Gaming;

public sealed record SendFriendRequestCommand(Guid PlayerId, string FriendGamertag) : IRequest<Result<FriendRequestSent>>;

public sealed record FriendRequestSent(Guid RequestId, DateTimeOffset SentAt);

public sealed record FriendRequestCreated(Guid RequestId, Guid FromPlayerId, Guid ToPlayerId) : INotification;

public sealed class SendFriendRequestValidator : AbstractValidator<SendFriendRequestCommand>
{
    public SendFriendRequestValidator()
    {
        RuleFor(c => c.FriendGamertag).NotEmpty().MaximumLength(16).Matches("^[A-Za-z0-9_]+$");
    }
}

public interface IFriendGraph
{
    Task<Guid?> ResolveGamertagAsync(string gamertag, CancellationToken cancellationToken);

    Task<int> FriendCountAsync(Guid playerId, CancellationToken cancellationToken);

    Task<bool> AcceptsRequestsAsync(Guid playerId, CancellationToken cancellationToken);

    Task<Guid> AddRequestAsync(Guid from, Guid to, CancellationToken cancellationToken);
}

public sealed class SendFriendRequestHandler(
    IValidator<SendFriendRequestCommand> validator,
    IFriendGraph graph,
    IPublisher publisher,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<SendFriendRequestHandler> logger) : IRequestHandler<SendFriendRequestCommand, Result<FriendRequestSent>>
{
    public async Task<Result<FriendRequestSent>> Handle(SendFriendRequestCommand command, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(command, cancellationToken);
        if (!validation.IsValid)
        {
            logger.LogWarning("Friend request from {PlayerId} failed validation: {Errors}", command.PlayerId, validation.ToString()); // leak TC1001 direct
            return Result<FriendRequestSent>.Invalid([new Error("gamertag.invalid", "The gamertag is not valid.")]);
        }

        var target = await graph.ResolveGamertagAsync(command.FriendGamertag, cancellationToken);
        if (target is null)
        {
            logger.LogInformation("No player with gamertag {Gamertag}", command.FriendGamertag); // leak TC1001 direct
            return Result<FriendRequestSent>.Failure(new Error("player.not_found", "No such player."));
        }

        if (!await graph.AcceptsRequestsAsync(target.Value, cancellationToken))
        {
            return Result<FriendRequestSent>.Failure(new Error("player.closed", $"{command.FriendGamertag} is not accepting friend requests"));
        }

        Activity.Current?.SetTag(ProfilesAttributes.PlayerGamertag, pseudonymizer.Compute("profiles.gamertag", command.FriendGamertag)); // leak TC1001 precision-pseudonym
        var requestId = await graph.AddRequestAsync(command.PlayerId, target.Value, cancellationToken);
        var friends = await graph.FriendCountAsync(command.PlayerId, cancellationToken);
        logger.LogProfilesFriendRequestedEvent(pseudonymizer.PseudonymizeProfilesPlayerId(command.PlayerId.ToString()), friends); // clean precision-pseudonym
        logger.LogProfilesFriendRequestedEvent(pseudonymizer.PseudonymizeProfilesPlayerId(command.PlayerId.ToString()), friends, profilesNote: $"to {command.FriendGamertag}"); // leak TC1001 generated-api
        logger.LogInformation("Friend request {RequestId} stored", requestId);

        var lane = HMACSHA256.HashData(secrets.ShardKey, command.PlayerId.ToByteArray())[0] & 0x7;
        Activity.Current?.SetTag("friends.fanout.lane", lane); // clean hashes
        var legacyBucket = Math.Abs(command.PlayerId.ToString().GetHashCode()) % 32;
        Activity.Current?.SetTag("friends.legacy.bucket", legacyBucket); // leak TC1002 hashes

        await publisher.Publish(new FriendRequestCreated(requestId, command.PlayerId, target.Value), cancellationToken);
        return Result<FriendRequestSent>.Success(new FriendRequestSent(requestId, DateTimeOffset.UtcNow));
    }
}

public sealed partial class FriendRequestCreatedHandler(ILogger<FriendRequestCreatedHandler> logger) : INotificationHandler<FriendRequestCreated>
{
    public Task Handle(FriendRequestCreated notification, CancellationToken cancellationToken)
    {
        logger.LogInformation("Publishing {Notification}", notification); // leak TC1001 logging-objects
        LogQueued(logger, notification.RequestId, notification.ToPlayerId); // clean direct
        logger.LogDebug("Notification type {NotificationType}", nameof(FriendRequestCreated)); // clean precision-names
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 7100, Level = LogLevel.Debug, Message = "Friend request {RequestId} queued for push to {Recipient}")]
    private static partial void LogQueued(ILogger logger, Guid requestId, [PrivateData] Guid recipient);
}
