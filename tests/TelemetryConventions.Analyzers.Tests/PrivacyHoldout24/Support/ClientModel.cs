namespace System.ClientModel;

// A stand-in for System.ClientModel, whose ClientResultException the OpenAI and Azure OpenAI clients throw.
// Its message is the HTTP status and the service's error text ("HTTP 429 (rate_limit_exceeded)",
// "HTTP 400 (content_filter) The response was filtered ..."), never the request body.

public class ClientResultException(string message, int status, Exception? innerException = null) : Exception(message, innerException)
{
    public int Status { get; } = status;
}
