using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentValidation;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PrivacyHoldout12.Support;
using PrivacyHoldout12.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout12.Gaming;

public sealed record ChangeGamertagCommand(Guid PlayerId, string NewGamertag);

public interface IProfanityFilter
{
    bool IsProfane(string text);
}

public sealed class ChangeGamertagValidator : AbstractValidator<ChangeGamertagCommand>
{
    public ChangeGamertagValidator(IProfanityFilter profanity)
    {
        RuleFor(c => c.NewGamertag).NotEmpty().MaximumLength(16).WithErrorCode("gamertag.length");
        RuleFor(c => c.NewGamertag).Must(tag => !profanity.IsProfane(tag))
            .WithMessage((_, tag) => $"Gamertag '{tag}' is not allowed")
            .WithErrorCode("gamertag.profane");
    }
}

public sealed partial class ChangeGamertagHandler(
    GameDbContext db,
    IValidator<ChangeGamertagCommand> validator,
    ILogger<ChangeGamertagHandler> logger,
    Pseudonymizer pseudonymizer,
    Meter meter)
{
    private readonly Counter<long> _rejections = meter.CreateCounter<long>("game.gamertag.rejections", "{request}");

    public async Task<Result> HandleAsync(ChangeGamertagCommand command, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        var validation = await validator.ValidateAsync(command, cancellationToken);
        if (!validation.IsValid)
        {
            foreach (var failure in validation.Errors)
            {
                _rejections.Add(1, new TagList { { "game.rule", failure.ErrorCode }, { "game.property", failure.PropertyName } }); // clean precision-names
                activity?.AddRequestRejectedEvent(failure.ErrorCode, failure.PropertyName, failure.ErrorMessage); // leak TC1001 generated-api
                logger.LogInformation("Gamertag rejected ({Rule}), attempted {AttemptedValue}", failure.ErrorCode, failure.AttemptedValue); // leak TC1001 cross-member
            }

            throw new ValidationException(validation.Errors); // leak TC1001 exceptions
        }

        var player = await db.Players.FirstOrDefaultAsync(p => p.Id == command.PlayerId, cancellationToken);
        if (player is null)
        {
            activity?.SetTag(RequestAttributes.ErrorCode, "player.not_found"); // clean direct
            return Result.Failure(Error.NotFound("player.not_found", "No such player"));
        }

        player.Rename(command.NewGamertag);
        var entry = db.Entry(player);
        activity?.SetTag("game.gamertag.previous", entry.Property(p => p.Gamertag).OriginalValue); // leak TC1001 cross-member
        activity?.SetTag("game.gamertag.length", command.NewGamertag.Length); // clean precision-about
        activity?.SetTag(RequestAttributes.CallerId, pseudonymizer.ComputeRequestCallerId(command.PlayerId.ToString())); // clean precision-pseudonym

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqlException { Number: 2601 or 2627 } sql)
        {
            // "Cannot insert duplicate key row in object 'dbo.Players' with unique index 'IX_Players_Gamertag'. The duplicate key value is (...)."
            logger.LogWarning("Gamertag already taken: {DatabaseMessage}", sql.Message); // leak TC1001 exceptions
            LogUniqueViolation(logger, sql.Number, nameof(Player)); // clean exceptions
            activity?.SetTag("game.player.id", command.PlayerId); // leak TC1001 direct
            meter.CreatePersistenceConflictsCounter().Add(1, nameof(Player), "IX_Players_Gamertag"); // clean generated-api
            logger.LogPersistenceConflictEvent("IX_Players_Gamertag", $"gamertag {command.NewGamertag} already taken"); // leak TC1001 generated-api
            return Result.Failure(Error.Conflict("gamertag.taken", "That gamertag is taken"));
        }

        foreach (var raised in player.DomainEvents.OfType<GamertagChanged>())
        {
            logger.LogInformation("Player renamed: {Event}", raised); // leak TC1001 logging-objects
            logger.LogInformation("Raised {EventType} {EventId} at {OccurredAt}", raised.GetType().Name, raised.EventId, raised.OccurredAt); // clean logging-objects
        }

        player.ClearDomainEvents();
        return Result.Success();
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Unique index violated (error {SqlErrorNumber}) saving {EntityType}")]
    private static partial void LogUniqueViolation(ILogger logger, int sqlErrorNumber, string entityType);
}

public sealed class MatchResultRecorder(GameDbContext db, Meter meter)
{
    private readonly Counter<long> _matches = meter.CreateCounter<long>("game.matches", "{match}");

    private readonly Histogram<int> _duration = meter.CreateHistogram<int>("game.match.duration", "s");

    public async Task RecordAsync(MatchRecord match, CancellationToken cancellationToken)
    {
        db.Matches.Add(match);
        await db.SaveChangesAsync(cancellationToken);
        _matches.Add(1, new KeyValuePair<string, object?>("game.mode", match.Mode), new KeyValuePair<string, object?>("game.region", match.Region)); // clean direct
        _duration.Record(match.DurationSeconds, new KeyValuePair<string, object?>("game.winner", match.WinnerId)); // leak TC1003 direct
    }
}
