using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout23.Support.SharedKernel;
using PrivacyHoldout23.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout23.Gaming;

public interface IIdempotentCommand
{
    string IdempotencyKey { get; }
}

public sealed record GrantItemCommand(string PlayerId, string Sku, int Quantity, string ReceiptId) : IRequest<Result<GrantId>>, IIdempotentCommand
{
    public string IdempotencyKey => $"grant:{PlayerId}:{ReceiptId}";
}

public sealed record RenamePlayerCommand(Guid PlayerId, string NewGamertag) : IRequest<Result>;

public sealed class IdempotencyStore
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    public bool TryClaim(string key, DateTimeOffset now) => _seen.TryAdd(key, now);
}

/// <summary>Skips a command whose idempotency key was already claimed.</summary>
public sealed class IdempotencyBehavior<TRequest, TResponse>(IdempotencyStore store, TimeProvider clock, ILogger<IdempotencyBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
    where TResponse : Result
{
    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        if (request is not IIdempotentCommand command || store.TryClaim(command.IdempotencyKey, clock.GetUtcNow()))
        {
            return await next(cancellationToken);
        }

        logger.LogInformation("Duplicate {RequestName} skipped for key {IdempotencyKey}", typeof(TRequest).Name, command.IdempotencyKey); // leak TC1001 cross-member
        Activity.Current?.SetTag("idempotency.replayed", true); // clean precision-about
        return (TResponse)(Result)Error.Conflict("Request.Duplicate", "The request was already processed.");
    }
}

internal sealed class InventoryCommandHandlers(
    IRepository<PlayerInventory> inventories,
    IUnitOfWork unitOfWork,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<InventoryCommandHandlers> logger)
    : IRequestHandler<GrantItemCommand, Result<GrantId>>, IRequestHandler<RenamePlayerCommand, Result>
{
    public async Task<Result<GrantId>> Handle(GrantItemCommand request, CancellationToken cancellationToken)
    {
        using var span = source.StartCommandHandle(nameof(GrantItemCommand));

        if (!PlayerId.TryParse(request.PlayerId, out var playerId))
        {
            logger.LogWarning("Grant rejected: malformed player id {PlayerId}", request.PlayerId); // leak TC1001 direct
            return GamingErrors.PlayerNotFound;
        }

        span.SetCommandSubjectId(pseudonymizer.PseudonymizeCommandSubjectId(playerId.Value.ToString())); // clean precision-pseudonym

        var inventory = await inventories.GetByIdAsync(playerId, cancellationToken);
        if (inventory is null)
        {
            return GamingErrors.PlayerNotFound;
        }

        var result = inventory.Grant(new ItemId(request.Sku), request.Quantity, request.ReceiptId);
        if (result.IsFailure)
        {
            span.SetCommandErrorCode(result.Error.Code).SetCommandNote(result.Error.Description); // clean generated-api
            return result.Error;
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);

        span.SetAggregateType(nameof(PlayerInventory)).SetAggregateVersion(inventory.Version); // clean precision-names
        var inventoryShard = HashCode.Combine(playerId) & 0xF;
        Activity.Current?.SetTag("inventory.shard", inventoryShard); // leak TC1002 hashes
        Activity.Current?.SetTag("grant.id", result.Value.Value); // clean direct
        logger.LogInformation("Granted {Quantity} x {Sku} under receipt {ReceiptId}", request.Quantity, request.Sku, request.ReceiptId); // clean direct
        return result.Value;
    }

    public async Task<Result> Handle(RenamePlayerCommand request, CancellationToken cancellationToken)
    {
        var gamertag = Gamertag.Create(request.NewGamertag);
        if (gamertag.IsFailure)
        {
            logger.LogCommandRejectedEvent(nameof(RenamePlayerCommand), gamertag.Error.Code, commandNote: gamertag.Error.Description); // leak TC1001 generated-api
            return gamertag.Error;
        }

        var inventory = await inventories.GetByIdAsync(new PlayerId(request.PlayerId), cancellationToken);
        if (inventory is null)
        {
            return GamingErrors.PlayerNotFound;
        }

        var result = inventory.Rename(gamertag.Value);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return result;
    }
}
