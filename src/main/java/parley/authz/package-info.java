/**
 * Parley's authorisation service for a RabbitMQ cluster: the HTTP endpoints {@code rabbitmq_auth_backend_http}
 * asks before it lets an MQTT connection use a vhost, a queue or a topic. It enforces Parley's read rule
 * ({@code /chats/<own client id>/messages} only) by exact comparison, which RabbitMQ's own {@code {client_id}}
 * regex cannot (docs/scaling.md). Stateless, one per node; anything it cannot read is denied.
 */
package parley.authz;
