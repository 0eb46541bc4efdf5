using Clinic.V1;
using Grpc.AspNetCore.Web;

namespace PrivacyHoldout112.Healthcare;

public interface IAppointmentBook
{
    Task<IReadOnlyList<Appointment>> ForAccountAsync(string portalAccountId, int pageSize, CancellationToken cancellationToken);
}

/// <summary>
/// clinic.v1.PatientAppointments, called by the patient app in the browser over gRPC-Web. The signed-in patient's
/// portal account id comes in the request, the session's bearer token in <c>authorization</c>.
/// </summary>
[EnableGrpcWeb]
public sealed class PatientAppointmentsWebService(
    IAppointmentBook book,
    Pseudonymizer pseudonymizer,
    ILogger<PatientAppointmentsWebService> logger) : PatientAppointments.PatientAppointmentsBase
{
    private static readonly ActivitySource Source = new("Trust.PatientApp.Appointments");
    private static readonly Meter Meter = new("Trust.PatientApp.Appointments");
    private static readonly Counter<long> WebCalls = Meter.CreateCounter<long>("clinic.grpc_web.calls");

    public override async Task<ListAppointmentsResponse> ListAppointments(ListAppointmentsRequest request, ServerCallContext context)
    {
        var http = context.GetHttpContext();
        var protocol = http.Request.ContentType?.StartsWith(GrpcWebProtocolConstants.GrpcWebContentType, StringComparison.Ordinal) == true ? "grpc-web" : "grpc";
        using var span = Source.StartClinicrpcCall(context.Method)
            .SetClinicrpcProtocol(protocol) // clean precision-names
            .SetClinicrpcPatientId(pseudonymizer.PseudonymizeClinicrpcPatientId(request.PortalAccountId)); // clean precision-pseudonym
        Activity.Current?.SetTag("http.request.header.x-user-agent", http.Request.Headers.TryGetValue("x-user-agent", out var agent) ? agent : null); // clean precision-names
        Activity.Current?.SetTag("client.address", http.Connection.RemoteIpAddress?.ToString()); // leak TC1001 direct
        logger.LogDebug("gRPC-Web headers {Headers}", http.Request.Headers); // leak TC1001 logging-objects
        WebCalls.Add(1, new KeyValuePair<string, object?>("protocol", protocol), new KeyValuePair<string, object?>("content_type", http.Request.ContentType)); // clean precision-names
        WebCalls.Add(1, new KeyValuePair<string, object?>("account", pseudonymizer.ComputeClinicrpcPatientId(request.PortalAccountId))); // leak TC1003 precision-pseudonym

        if (request.PageSize > 50)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"page_size {request.PageSize} is over 50")); // clean exceptions
        }

        var appointments = await book.ForAccountAsync(request.PortalAccountId, request.PageSize, context.CancellationToken);
        var response = new ListAppointmentsResponse();
        response.Appointments.Add(appointments);
        logger.LogInformation("Listed {Count} appointments for portal account {Account}", appointments.Count, request.PortalAccountId); // leak TC1001 direct
        logger.LogDebug("Appointments {Appointments}", response.Appointments); // clean logging-objects
        Activity.Current?.SetTag("clinic.clinics", string.Join(",", appointments.Select(a => a.Clinic).Distinct())); // clean strings
        Activity.Current?.SetTag("clinic.patient.contact", http.Request.Headers.TryGetValue("x-notify-email", out var email) ? email : null); // leak TC1001 direct
        return response;
    }
}
