package com.example.localcloud.config;

import java.util.Map;

/**
 * A resource of {@code resources.Resources}, with the name and ARN the local deployment gives it.
 *
 * @param logicalId    the key in the template, e.g. {@code AccountsTable}
 * @param type         e.g. {@code AWS::DynamoDB::Table}
 * @param properties   {@code Properties}, variables and CloudFormation functions resolved
 * @param physicalName e.g. the table name that {@code !Ref AccountsTable} gives
 * @param arn          what {@code !GetAtt AccountsTable.Arn} gives
 */
public record CloudFormationResource(String logicalId, String type, Map<String, Object> properties,
                                     String physicalName, String arn) {
}
