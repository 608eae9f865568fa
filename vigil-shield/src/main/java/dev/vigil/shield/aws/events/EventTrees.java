package dev.vigil.shield.aws.events;
public final class EventTrees { private EventTrees(){} public static Object fromObject(Object o){ return o; } }
