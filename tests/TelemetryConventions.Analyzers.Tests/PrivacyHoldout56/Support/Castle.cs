using System;
using System.Reflection;

namespace Castle.DynamicProxy;

// A stand-in for Castle.Core's DynamicProxy, reduced to what the services' interceptors use. Only the
// shapes matter.

public interface IInvocation
{
    /// <summary>The arguments of the intercepted call, in the order of the method's parameters.</summary>
    object?[] Arguments { get; }

    Type[] GenericArguments { get; }

    object? InvocationTarget { get; }

    /// <summary>The method of the proxied interface that was called.</summary>
    MethodInfo Method { get; }

    /// <summary>The method of the target that will run.</summary>
    MethodInfo MethodInvocationTarget { get; }

    object Proxy { get; }

    /// <summary>What the call returned (a <c>Task</c> or <c>Task&lt;T&gt;</c> for async methods), set by <see cref="Proceed"/>.</summary>
    object? ReturnValue { get; set; }

    Type? TargetType { get; }

    object? GetArgumentValue(int index);

    void SetArgumentValue(int index, object? value);

    MethodInfo GetConcreteMethod();

    /// <summary>Calls the next interceptor, or the target.</summary>
    void Proceed();
}

public interface IInterceptor
{
    void Intercept(IInvocation invocation);
}

public class ProxyGenerator
{
    public TInterface CreateInterfaceProxyWithTarget<TInterface>(TInterface target, params IInterceptor[] interceptors)
        where TInterface : class => target;

    public object CreateInterfaceProxyWithTarget(Type interfaceToProxy, object target, params IInterceptor[] interceptors) => target;
}
