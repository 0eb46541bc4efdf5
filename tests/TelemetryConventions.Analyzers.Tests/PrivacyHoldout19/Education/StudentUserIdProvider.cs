using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout19.Education;

/// <summary>Makes the student number the SignalR user id, so <c>Clients.User(studentNumber)</c> reaches every tab of a student.</summary>
public sealed class StudentUserIdProvider(ILogger<StudentUserIdProvider> logger) : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection)
    {
        var studentNumber = connection.User.FindFirst("student_number")?.Value;
        if (studentNumber is null)
        {
            logger.LogWarning("Connection {ConnectionId} has no student number claim; roles {Roles}", connection.ConnectionId, string.Join(",", connection.User.FindAll(ClaimTypes.Role).Select(c => c.Value))); // clean precision-names
            return connection.User.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        }

        logger.LogDebug("Connection {ConnectionId} mapped to student {StudentNumber}", connection.ConnectionId, studentNumber); // leak TC1001 direct
        return studentNumber;
    }
}
