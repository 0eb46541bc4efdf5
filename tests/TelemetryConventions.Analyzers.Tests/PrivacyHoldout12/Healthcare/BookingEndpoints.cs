using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout12.Telemetry;

namespace PrivacyHoldout12.Healthcare;

public static class BookingEndpoints
{
    public static void Map(EndpointRoutes routes) => routes.MapPost("/appointments", BookAsync);

    public static async Task<IResult> BookAsync(BookAppointmentCommand command, BookAppointmentHandler handler, ILogger<BookAppointmentHandler> logger, CancellationToken cancellationToken)
    {
        logger.LogInformation("Booking request for clinic {ClinicId} from {HospitalNumber}", command.ClinicId, command.HospitalNumber); // leak TC1001 direct
        var result = await handler.HandleAsync(command, cancellationToken);
        if (result.IsSuccess)
        {
            return Results.Created($"/appointments/{result.Value}", result.Value);
        }

        Activity.Current?.SetTag(RequestAttributes.ErrorCode, result.Error.Code); // clean cross-member
        logger.LogInformation("Booking refused: {Error}", result.Error); // leak TC1001 logging-objects
        return result.Error.Kind switch
        {
            Support.ErrorKind.Conflict => Results.Conflict(new { result.Error.Code, result.Error.Description }),
            _ => Results.Problem(detail: result.Error.Description, statusCode: StatusCodes.Status400BadRequest, title: "Booking refused"),
        };
    }
}
