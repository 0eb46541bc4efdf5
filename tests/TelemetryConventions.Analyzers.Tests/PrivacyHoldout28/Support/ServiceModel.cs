#nullable disable
using System;

namespace PrivacyHoldout28.Support.ServiceModel;

// Stand-ins for the WCF (System.ServiceModel / CoreWCF) and data-contract types the services were
// written against. Only the shapes matter.

[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Class)]
public sealed class ServiceContractAttribute : Attribute
{
    public string Namespace { get; set; }

    public string Name { get; set; }
}

[AttributeUsage(AttributeTargets.Method)]
public sealed class OperationContractAttribute : Attribute
{
    public bool IsOneWay { get; set; }

    public string Action { get; set; }
}

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class FaultContractAttribute(Type detailType) : Attribute
{
    public Type DetailType { get; } = detailType;
}

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum)]
public sealed class DataContractAttribute : Attribute
{
    public string Name { get; set; }

    public string Namespace { get; set; }
}

[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class DataMemberAttribute : Attribute
{
    public int Order { get; set; }

    public bool IsRequired { get; set; }

    public string Name { get; set; }
}

public enum InstanceContextMode
{
    PerSession,
    PerCall,
    Single,
}

public enum ConcurrencyMode
{
    Single,
    Reentrant,
    Multiple,
}

[AttributeUsage(AttributeTargets.Class)]
public sealed class ServiceBehaviorAttribute : Attribute
{
    public InstanceContextMode InstanceContextMode { get; set; }

    public ConcurrencyMode ConcurrencyMode { get; set; }

    public bool IncludeExceptionDetailInFaults { get; set; }
}

public class FaultException : Exception
{
    public FaultException(string reason)
        : base(reason)
    {
        Reason = reason;
    }

    public string Reason { get; }

    public string Code { get; init; } = "Receiver";
}

public class FaultException<TDetail> : FaultException
{
    public FaultException(TDetail detail, string reason)
        : base(reason)
    {
        Detail = detail;
    }

    public TDetail Detail { get; }
}

/// <summary>Registered as a service behaviour: sees every exception an operation lets escape.</summary>
public interface IErrorHandler
{
    bool HandleError(Exception error);

    void ProvideFault(Exception error, out FaultException fault);
}

public interface IIdentity
{
    string Name { get; }

    string AuthenticationType { get; }

    bool IsAuthenticated { get; }
}

public sealed class ServiceSecurityContext
{
    public IIdentity PrimaryIdentity { get; init; }

    public bool IsAnonymous { get; init; }
}

public sealed class MessageHeaders
{
    public string Action { get; init; }

    public Uri To { get; init; }

    public string MessageId { get; init; }
}

public sealed class OperationContext
{
    public static OperationContext Current { get; set; }

    public ServiceSecurityContext ServiceSecurityContext { get; init; }

    public MessageHeaders IncomingMessageHeaders { get; init; }

    public string SessionId { get; init; }
}
