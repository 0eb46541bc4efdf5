using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout23.Support.Messaging;
using PrivacyHoldout23.Support.SharedKernel;
using PrivacyHoldout23.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout23.Energy;

public sealed record SubmitMeterReadingCommand(string AccountNumber, string MeterSerial, decimal Kwh, DateOnly ReadOn) : IRequest<Result<ReadingId>>;

internal sealed class SubmitMeterReadingValidator : IValidator<SubmitMeterReadingCommand>
{
    public Task<ValidationResult> ValidateAsync(SubmitMeterReadingCommand instance, CancellationToken cancellationToken = default)
    {
        var result = new ValidationResult();
        if (instance.Kwh < 0)
        {
            result.Errors.Add(new ValidationFailure(nameof(instance.Kwh), "'Kwh' must be greater than or equal to '0'.", instance.Kwh, "GreaterThanOrEqualValidator"));
        }

        if (instance.MeterSerial.Length is < 10 or > 14 || !instance.MeterSerial.All(char.IsLetterOrDigit))
        {
            result.Errors.Add(new ValidationFailure(nameof(instance.MeterSerial), $"'{instance.MeterSerial}' is not a meter serial.", instance.MeterSerial, "MeterSerialFormat"));
        }

        return Task.FromResult(result);
    }
}

/// <summary>Runs the validators of a request before its handler.</summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators, ILogger<ValidationBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        foreach (var validator in validators)
        {
            failures.AddRange((await validator.ValidateAsync(request, cancellationToken)).Errors);
        }

        if (failures.Count > 0)
        {
            logger.LogWarning("{RequestName} failed validation on {Properties}", typeof(TRequest).Name, string.Join(", ", failures.Select(f => f.PropertyName))); // clean precision-names
            logger.LogDebug("Validation failures {@Failures}", failures); // leak TC1001 logging-objects
            Activity.Current?.SetTag("validation.error_codes", string.Join(",", failures.Select(f => f.ErrorCode))); // clean precision-about
            throw new ValidationException(failures); // leak TC1001 exceptions
        }

        return await next(cancellationToken);
    }
}

internal sealed class SubmitMeterReadingCommandHandler : IRequestHandler<SubmitMeterReadingCommand, Result<ReadingId>>
{
    private readonly IRepository<SupplyAccount> _accounts;
    private readonly IUnitOfWork _unitOfWork;
    private readonly ActivitySource _source;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<SubmitMeterReadingCommandHandler> _logger;
    private readonly Counter<long> _readings;
    private readonly Histogram<double> _readingKwh;

    public SubmitMeterReadingCommandHandler(IRepository<SupplyAccount> accounts, IUnitOfWork unitOfWork, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<SubmitMeterReadingCommandHandler> logger)
    {
        _accounts = accounts;
        _unitOfWork = unitOfWork;
        _source = source;
        _pseudonymizer = pseudonymizer;
        _logger = logger;
        _readings = meter.CreateCounter<long>("energy.readings.accepted");
        _readingKwh = meter.CreateHistogram<double>("energy.reading.kwh");
    }

    public async Task<Result<ReadingId>> Handle(SubmitMeterReadingCommand request, CancellationToken cancellationToken)
    {
        using var span = _source.StartCommandHandle("SubmitMeterReading");

        var account = new AccountNumber(request.AccountNumber);
        var meterSerial = new MeterSerial(request.MeterSerial);
        span.SetCommandSubjectId(_pseudonymizer.PseudonymizeCommandSubjectId(account.Value)); // clean precision-pseudonym
        span.SetAggregateType(nameof(SupplyAccount)).SetAggregateId(account.Value); // leak TC1001 generated-api

        var supply = await _accounts.GetByIdAsync(account, cancellationToken);
        if (supply is null)
        {
            _logger.LogWarning("Reading submitted for unknown account {AccountNumber}", account); // leak TC1001 direct
            return SupplyErrors.UnknownAccount();
        }

        Activity.Current?.SetTag("supply.distributor", supply.Mpan.DistributorId); // clean precision-about
        _logger.LogDebug("Recording against supply point {Mpan}", supply.Mpan); // leak TC1001 cross-member

        var result = supply.RecordReading(meterSerial, request.Kwh, request.ReadOn);
        if (result.IsFailure)
        {
            _logger.LogCommandRejectedEvent("SubmitMeterReading", result.Error.Code, commandSubjectId: _pseudonymizer.PseudonymizeCommandSubjectId(account.Value)); // clean precision-pseudonym
            return result.Error;
        }

        await _unitOfWork.SaveChangesAsync(cancellationToken);

        _readings.Add(1, new KeyValuePair<string, object?>("meter.model", meterSerial.ModelPrefix)); // clean precision-about
        _readingKwh.Record((double)request.Kwh, new KeyValuePair<string, object?>("meter.serial", meterSerial.Value)); // leak TC1003 direct
        return result.Value;
    }
}
